namespace Actors.Grains.Interfaces;

/// <summary>
/// One grain per product: aggregates of the product's recent readings and its daily control limits. Aggregates stay in
/// memory until a checkpoint asks for them (<see cref="Persist"/>) or the grain deactivates; limits are written when
/// they are computed or imported.
/// </summary>
[Alias("product")]
public interface IProductGrain : IGrainWithStringKey
{
    /// <summary>
    /// Adds readings of this product to its aggregates, in the order given. A reading at or before the position already
    /// counted for its source is not counted again, so a source read again from its last checkpoint counts each reading
    /// once. With <see cref="ProductBatch.ExpectedPosition"/>, a product whose state is not at that position counts
    /// nothing and answers <see cref="AccumulateResult.Behind"/>.
    /// </summary>
    [Alias("accumulate")]
    [DataPlaneOperation]
    Task<AccumulateResult> Accumulate(ProductBatch batch);

    /// <summary>
    /// Writes the state if it changed since it was last written: one write for every source that asks, so the shards of
    /// one ingest worker checkpoint a product once, not once each. <paramref name="expectedPositions"/> names each
    /// source with what the latest call since its last checkpoint returned (null: nothing to check); a source whose
    /// position in the product is not that one is answered in <see cref="ProductPersistResult.Behind"/>. The state is
    /// written all the same: it is whole, and those sources are read again from their checkpoints. With
    /// <paramref name="withChart"/> (a source's last checkpoint: the end of a replay, a stopping ingest) the chart points
    /// are written too, however recently they were.
    /// </summary>
    [Alias("persist")]
    [DataPlaneOperation]
    Task<ProductPersistResult> Persist(Dictionary<string, string?>? expectedPositions = null, bool withChart = false);

    /// <summary>
    /// The limits of every metric for <paramref name="date"/>: imported ones, else computed from the readings of
    /// [date - 72 h, date) when there are enough. Computed limits are frozen at the first request.
    /// </summary>
    [Alias("limits")]
    Task<ControlLimits[]> GetLimits(DateOnly date);

    /// <summary>Stores imported limits; they replace computed ones for the same metric and date.</summary>
    [Alias("import")]
    [AdminOperation]
    Task ImportLimits(ControlLimits[] limits);

    [Alias("snapshot")]
    Task<ProductSnapshot> GetSnapshot();

    /// <summary>
    /// The <paramref name="kind"/> chart of <paramref name="metric"/> on <paramref name="date"/> (default: the day of the
    /// latest point kept): computed from the points of <paramref name="deviceId"/>, or of every device merged in time
    /// order, with the day's limits and the violations.
    /// </summary>
    [Alias("chart")]
    Task<ControlChart> GetChart(string metric, string? deviceId, DateOnly? date, ChartKind kind = ChartKind.Individuals);
}
