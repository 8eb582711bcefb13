namespace Actors.Detection.Learned;

/// <summary>
/// How often the series moved from one value bin to the next: a first-order Markov model of the binned values, with
/// one byte per pair of bins. A row is halved when its total reaches <see cref="RowLimit"/>, so old habits fade and
/// the table never grows.
/// </summary>
[GenerateSerializer, Alias("learned-transition-counts")]
public sealed class TransitionCounts
{
    /// <summary>A row whose total reaches this many transitions is halved.</summary>
    public const int RowLimit = 255;

    private const double Prior = 0.01;

    /// <summary>Transitions from bin <c>i</c> to bin <c>j</c> at index <c>i * Bins + j</c>.</summary>
    [Id(0)] public byte[] Counts { get; set; } = new byte[LearnedSeries.Bins * LearnedSeries.Bins];

    /// <summary>The sum of each row of <see cref="Counts"/>.</summary>
    [Id(1)] public byte[] RowTotals { get; set; } = new byte[LearnedSeries.Bins];

    /// <summary>The bin of the previous value; -1 before the first.</summary>
    [Id(2)] public int Previous { get; set; } = -1;

    /// <summary>
    /// How surprising a move into <paramref name="bin"/> is, 0 to 1: one minus the (slightly smoothed) share of the
    /// moves out of the previous bin that went there; 0 for the first value. Then counts the move.
    /// </summary>
    /// <param name="bin">The bin of the new value.</param>
    public double Surprise(int bin)
    {
        var from = Previous;
        Previous = bin;
        if (from < 0)
        {
            return 0;
        }

        var row = from * LearnedSeries.Bins;
        var surprise = 1 - ((Counts[row + bin] + Prior) / (RowTotals[from] + (Prior * LearnedSeries.Bins)));
        Counts[row + bin]++;
        if (++RowTotals[from] >= RowLimit)
        {
            Halve(from, row);
        }

        return surprise;
    }

    private void Halve(int from, int row)
    {
        var total = 0;
        for (var j = 0; j < LearnedSeries.Bins; j++)
        {
            var halved = (byte)(Counts[row + j] >> 1);
            Counts[row + j] = halved;
            total += halved;
        }

        RowTotals[from] = (byte)total;
    }
}
