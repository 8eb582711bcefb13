using Microsoft.Extensions.Options;

namespace Actors.Detection.Parsing;

/// <summary>Checks <see cref="ReadingParserOptions"/> and names every bad property.</summary>
public sealed class ReadingParserOptionsValidator : IValidateOptions<ReadingParserOptions>
{
    /// <summary>Largest allowed <see cref="ReadingParserOptions.MaxIdentityLength"/>: 3 bytes per character stays well below DynamoDB's 2 KB key.</summary>
    public const int MaxIdentityLengthLimit = 512;

    /// <summary>Largest allowed <see cref="ReadingParserOptions.MaxRecordBytes"/> (256 MiB): a record is held whole while it is parsed.</summary>
    public const int MaxRecordBytesLimit = 256 * 1024 * 1024;

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, ReadingParserOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = Check(options);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Returns one message per problem; empty when the options are usable.</summary>
    public static IReadOnlyList<string> Check(ReadingParserOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        CheckList(failures, nameof(options.DeviceIdFields), options.DeviceIdFields, mayBeEmpty: false);
        CheckList(failures, nameof(options.ProductIdFields), options.ProductIdFields, mayBeEmpty: true);
        CheckList(failures, nameof(options.TimestampFields), options.TimestampFields, mayBeEmpty: false);
        CheckList(failures, nameof(options.IgnoredFields), options.IgnoredFields, mayBeEmpty: true);
        CheckName(failures, nameof(options.EnvelopeDeviceIdField), options.EnvelopeDeviceIdField);
        CheckName(failures, nameof(options.EnvelopePayloadField), options.EnvelopePayloadField);
        if (options.InternCacheCapacity < 0)
        {
            failures.Add($"{ReadingParserOptions.SectionName}:{nameof(options.InternCacheCapacity)} must not be negative (was {options.InternCacheCapacity}).");
        }
        if (options.MaxIdentityLength is < 1 or > MaxIdentityLengthLimit)
        {
            failures.Add($"{ReadingParserOptions.SectionName}:{nameof(options.MaxIdentityLength)} must be between 1 and {MaxIdentityLengthLimit} (was {options.MaxIdentityLength}).");
        }
        if (options.MaxFutureSkew < TimeSpan.Zero)
        {
            failures.Add($"{ReadingParserOptions.SectionName}:{nameof(options.MaxFutureSkew)} must not be negative (was {options.MaxFutureSkew}).");
        }
        if (options.MaxRecordBytes is < 1 or > MaxRecordBytesLimit)
        {
            failures.Add($"{ReadingParserOptions.SectionName}:{nameof(options.MaxRecordBytes)} must be between 1 and {MaxRecordBytesLimit} (was {options.MaxRecordBytes}).");
        }
        if (failures.Count == 0)
        {
            CheckRolesAreDistinct(failures, options);
        }
        return failures;
    }

    private static void CheckList(List<string> failures, string property, string[]? fields, bool mayBeEmpty)
    {
        if (fields is null || (!mayBeEmpty && fields.Length == 0))
        {
            failures.Add($"{ReadingParserOptions.SectionName}:{property} must list at least one field name.");
            return;
        }
        if (fields.Any(string.IsNullOrWhiteSpace))
        {
            failures.Add($"{ReadingParserOptions.SectionName}:{property} must not contain an empty field name.");
        }
    }

    private static void CheckName(List<string> failures, string property, string? field)
    {
        if (string.IsNullOrWhiteSpace(field))
        {
            failures.Add($"{ReadingParserOptions.SectionName}:{property} must be a field name.");
        }
    }

    private static void CheckRolesAreDistinct(List<string> failures, ReadingParserOptions options)
    {
        var roles = new (string Property, string[] Fields)[]
        {
            (nameof(options.DeviceIdFields), options.DeviceIdFields),
            (nameof(options.ProductIdFields), options.ProductIdFields),
            (nameof(options.TimestampFields), options.TimestampFields),
            (nameof(options.EnvelopeDeviceIdField), [options.EnvelopeDeviceIdField]),
            (nameof(options.EnvelopePayloadField), [options.EnvelopePayloadField]),
        };
        var owner = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (property, fields) in roles)
        {
            foreach (var field in fields.Distinct(StringComparer.Ordinal))
            {
                if (owner.TryGetValue(field, out var other))
                {
                    failures.Add($"{ReadingParserOptions.SectionName}:{property} names '{field}', which {other} already uses.");
                }
                else
                {
                    owner[field] = property;
                }
            }
        }
    }
}
