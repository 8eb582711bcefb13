using Microsoft.Extensions.Configuration;

namespace Actors.Detection.Parsing;

/// <summary>Binds <see cref="ReadingParserOptions"/> from configuration so that a configured field list replaces the default.</summary>
/// <remarks>
/// The plain configuration binder appends configured array items to an array's initial value, which would keep
/// <c>device_id</c> ahead of a configured <c>Parsing:DeviceIdFields:0 = serial</c>. A list given in configuration
/// replaces its default here; an empty value (<c>Parsing:IgnoredFields = ""</c>) makes it empty.
/// </remarks>
public static class ReadingParserOptionsBinder
{
    /// <summary>Binds <paramref name="section"/> (usually <c>Parsing</c>) onto <paramref name="options"/>.</summary>
    public static void Bind(IConfiguration section, ReadingParserOptions options)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(options);
        section.Bind(options);
        options.DeviceIdFields = Configured(section, nameof(options.DeviceIdFields)) ?? options.DeviceIdFields;
        options.ProductIdFields = Configured(section, nameof(options.ProductIdFields)) ?? options.ProductIdFields;
        options.TimestampFields = Configured(section, nameof(options.TimestampFields)) ?? options.TimestampFields;
        options.IgnoredFields = Configured(section, nameof(options.IgnoredFields)) ?? options.IgnoredFields;
    }

    private static string[]? Configured(IConfiguration section, string key)
    {
        var list = section.GetSection(key);
        return list.Exists() ? list.Get<string[]>() ?? [] : null;
    }
}
