using System.IO.Enumeration;

namespace Actors.Grains.Interfaces;

/// <summary>
/// A maintenance window: from <see cref="StartsAt"/> until <see cref="EndsAt"/> (wall clock) nothing is sent for an
/// anomaly or alarm transition it matches; alarms still change state (see docs/alarms.md). Each pattern is a glob
/// (<c>*</c> any run of characters, <c>?</c> one character, e.g. <c>press-*</c>); a null pattern matches anything, and
/// a silence has at least one pattern.
/// </summary>
[GenerateSerializer, Immutable, Alias("silence")]
public sealed record Silence
{
    /// <summary>Given by the silences grain when the silence is added.</summary>
    [Id(0)] public long Id { get; init; }
    [Id(1)] public string? Device { get; init; }
    [Id(2)] public string? Product { get; init; }
    [Id(3)] public string? Metric { get; init; }

    /// <summary>The rule (anomaly type) pattern, matched without regard to case like rule names elsewhere.</summary>
    [Id(4)] public string? Rule { get; init; }
    [Id(5)] public required DateTime StartsAt { get; init; }
    [Id(6)] public required DateTime EndsAt { get; init; }
    [Id(7)] public required string CreatedBy { get; init; }

    /// <summary>Set by the silences grain when the silence is added.</summary>
    [Id(8)] public DateTime CreatedAt { get; init; }
    [Id(9)] public string? Note { get; init; }

    /// <summary>True when at least one pattern is set.</summary>
    public bool HasPattern => Device is not null || Product is not null || Metric is not null || Rule is not null;

    /// <summary>True when the silence is in force at <paramref name="now"/>.</summary>
    public bool ActiveAt(DateTime now) => StartsAt <= now && now < EndsAt;

    /// <summary>True when the silence is in force at <paramref name="now"/> and every pattern it has matches.</summary>
    public bool Matches(string deviceId, string? productId, string metric, string rule, DateTime now) =>
        ActiveAt(now)
        && Glob(Device, deviceId, ignoreCase: false)
        && Glob(Product, productId, ignoreCase: false)
        && Glob(Metric, metric, ignoreCase: false)
        && Glob(Rule, rule, ignoreCase: true);

    private static bool Glob(string? pattern, string? value, bool ignoreCase) =>
        pattern is null || (value is not null && FileSystemName.MatchesSimpleExpression(pattern, value, ignoreCase));
}
