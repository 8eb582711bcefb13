namespace Actors.Detection.Baselines;

/// <summary>
/// One line of the baseline format as written in the file (snake_case names, see <see cref="BaselineJsonContext"/>):
/// every member is required except <c>metric</c> (the seed format has none) and <c>count</c>.
/// </summary>
internal sealed record BaselineLine
{
    public required string ProductId { get; init; }

    public required DateOnly DateKey { get; init; }

    public string? Metric { get; init; }

    public required double Mean { get; init; }

    public required double StdDev { get; init; }

    public long? Count { get; init; }

    public required double UclI { get; init; }

    public required double LclI { get; init; }

    public required double UclX { get; init; }

    public required double LclX { get; init; }
}
