using System.Globalization;
using System.Text;

namespace Actors.Simulation.Json;

/// <summary>Invariant, round-trip-exact JSON tokens.</summary>
internal static class JsonText
{
    /// <summary>Rounds <paramref name="value"/> to <paramref name="decimals"/> digits; the result is what gets written.</summary>
    public static double Round(double value, int decimals)
    {
        var rounded = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        return rounded == 0 ? 0 : rounded;
    }

    /// <summary>The shortest text that parses back to exactly <paramref name="value"/>.</summary>
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>An integer token.</summary>
    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A quoted JSON string; only quotes, backslashes and control characters are escaped.</summary>
    public static string String(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case < ' ':
                    builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }
        return builder.Append('"').ToString();
    }

    /// <summary>A quoted, invariant-culture timestamp in <paramref name="format"/>.</summary>
    public static string Time(DateTime value, string format) =>
        String(value.ToString(format, CultureInfo.InvariantCulture));
}
