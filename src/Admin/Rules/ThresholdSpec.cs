using System.Globalization;
using Actors.Grains.Interfaces;

namespace Actors.Admin.Rules;

/// <summary>
/// The command-line form of a threshold rule, <c>metric:upper[:lower][@device=ID][@product=ID]</c>: <c>temperature:30</c>,
/// <c>humidity:80:20@device=esp-1</c>, <c>thickness::48.5@product=B205</c> (lower only).
/// </summary>
public static class ThresholdSpec
{
    /// <summary>The syntax, for messages.</summary>
    public const string Syntax = "metric:upper[:lower][@device=ID][@product=ID]";

    /// <summary>The syntax of a rule's identity (for removal), for messages.</summary>
    public const string KeySyntax = "metric[@device=ID][@product=ID]";

    /// <summary>Parses a rule, or throws <see cref="FormatException"/> saying what is wrong.</summary>
    public static ThresholdRule Parse(string spec)
    {
        var (head, deviceId, productId) = SplitScope(spec);
        var parts = head.Split(':');
        if (parts.Length is < 2 or > 3 || string.IsNullOrWhiteSpace(parts[0]))
        {
            throw new FormatException($"'{spec}' is not {Syntax}");
        }
        var upper = Limit(parts[1], "upper", spec);
        var lower = parts.Length == 3 ? Limit(parts[2], "lower", spec) : null;
        if (upper is null && lower is null)
        {
            throw new FormatException($"'{spec}' has neither an upper nor a lower limit");
        }
        if (upper <= lower)
        {
            throw new FormatException($"'{spec}': the lower limit must be below the upper limit");
        }
        return new ThresholdRule { Metric = parts[0].Trim(), Upper = upper, Lower = lower, DeviceId = deviceId, ProductId = productId };
    }

    /// <summary>Parses the identity of a rule (<see cref="KeySyntax"/>), or throws <see cref="FormatException"/>.</summary>
    public static ThresholdKey ParseKey(string spec)
    {
        var (metric, deviceId, productId) = SplitScope(spec);
        if (string.IsNullOrWhiteSpace(metric) || metric.Contains(':', StringComparison.Ordinal))
        {
            throw new FormatException($"'{spec}' is not {KeySyntax}");
        }
        return new ThresholdKey(metric.Trim(), deviceId, productId);
    }

    private static (string Head, string? DeviceId, string? ProductId) SplitScope(string spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var parts = spec.Split('@');
        string? deviceId = null;
        string? productId = null;
        foreach (var scope in parts.Skip(1))
        {
            var (name, value) = scope.IndexOf('=', StringComparison.Ordinal) is var eq and > 0 ? (scope[..eq], scope[(eq + 1)..]) : (scope, "");
            if (string.IsNullOrWhiteSpace(value))
            {
                throw new FormatException($"'{spec}': scope '@{scope}' needs a value, e.g. @device=ID or @product=ID");
            }
            switch (name)
            {
                case "device" when deviceId is null:
                    deviceId = value;
                    break;
                case "product" when productId is null:
                    productId = value;
                    break;
                default:
                    throw new FormatException($"'{spec}': scope '@{scope}' is not @device=ID or @product=ID (each at most once)");
            }
        }
        return (parts[0], deviceId, productId);
    }

    private static double? Limit(string text, string which, string spec)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw new FormatException($"'{spec}': the {which} limit '{text}' is not a number");
    }
}
