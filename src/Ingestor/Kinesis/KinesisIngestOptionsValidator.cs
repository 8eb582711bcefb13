using System.Text.RegularExpressions;
using Actors.Aws.Kinesis;
using Microsoft.Extensions.Options;

namespace Actors.Ingestor.Kinesis;

/// <summary>Checks <see cref="KinesisIngestOptions"/>; every failure names the bad property.</summary>
public sealed partial class KinesisIngestOptionsValidator : IValidateOptions<KinesisIngestOptions>
{
    private const string Prefix = KinesisIngestOptions.SectionName + ":";

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, KinesisIngestOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = Check(options);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Every problem of <paramref name="options"/>, one message per bad property.</summary>
    public static List<string> Check(KinesisIngestOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrEmpty(options.StreamName) || !StreamNamePattern().IsMatch(options.StreamName))
        {
            failures.Add($"{Prefix}{nameof(options.StreamName)} must be a stream name of 1 to 128 letters, digits, '_', '-' or '.' (was '{options.StreamName}').");
        }
        if (!Enum.IsDefined(options.InitialPosition))
        {
            failures.Add($"{Prefix}{nameof(options.InitialPosition)} must be one of {string.Join(", ", Enum.GetNames<KinesisInitialPosition>())} (was {options.InitialPosition}).");
        }
        if (options.InitialPosition == KinesisInitialPosition.AtTimestamp && options.InitialTimestamp is null)
        {
            failures.Add($"{Prefix}{nameof(options.InitialTimestamp)} is required when {nameof(options.InitialPosition)} is {nameof(KinesisInitialPosition.AtTimestamp)}.");
        }
        if (options.PollInterval < KinesisIngestOptions.MinPollInterval)
        {
            failures.Add($"{Prefix}{nameof(options.PollInterval)} must be at least {KinesisIngestOptions.MinPollInterval.TotalMilliseconds:0} ms, Kinesis's 5 GetRecords calls per second and shard (was {options.PollInterval}).");
        }
        if (options.MaxRecordsPerCall is < 1 or > KinesisLimits.MaxGetRecordsLimit)
        {
            failures.Add($"{Prefix}{nameof(options.MaxRecordsPerCall)} must be between 1 and {KinesisLimits.MaxGetRecordsLimit} (was {options.MaxRecordsPerCall}).");
        }
        if (options.MaxGrainCallsInFlight < 1)
        {
            failures.Add($"{Prefix}{nameof(options.MaxGrainCallsInFlight)} must be at least 1 (was {options.MaxGrainCallsInFlight}).");
        }
        if (options.ShardDiscoveryInterval <= TimeSpan.Zero)
        {
            failures.Add($"{Prefix}{nameof(options.ShardDiscoveryInterval)} must be positive (was {options.ShardDiscoveryInterval}).");
        }
        if (options.LeaseDuration < KinesisIngestOptions.MinLeaseDuration)
        {
            failures.Add($"{Prefix}{nameof(options.LeaseDuration)} must be at least {KinesisIngestOptions.MinLeaseDuration} (was {options.LeaseDuration}).");
        }
        if (string.IsNullOrWhiteSpace(options.WorkerId) || options.WorkerId.Length > 256)
        {
            failures.Add($"{Prefix}{nameof(options.WorkerId)} must be 1 to 256 characters, not blank (was '{options.WorkerId}').");
        }
        if (string.IsNullOrWhiteSpace(options.DeadLetterPath))
        {
            failures.Add($"{Prefix}{nameof(options.DeadLetterPath)} must name a file.");
        }
        return failures;
    }

    [GeneratedRegex("^[a-zA-Z0-9_.-]{1,128}$")]
    private static partial Regex StreamNamePattern();
}
