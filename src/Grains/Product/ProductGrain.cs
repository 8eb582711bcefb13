using Actors.Detection.Spc;
using Actors.Grains.Interfaces;
using Microsoft.Extensions.Options;

using Orleans.Runtime;

namespace Actors.Grains.Product;

/// <summary>One per product: accumulates its readings and serves the daily SPC limits.</summary>
public sealed class ProductGrain(
    [PersistentState("product", StorageNames.State)] IPersistentState<ProductState> state,
    IOptions<SpcSettings> settings) : Grain, IProductGrain
{
    private readonly SpcCalendar _calendar = SpcCalendar.FromId(settings.Value.TimeZone);

    private string ProductId => field ??= this.GetPrimaryKeyString();

    public async Task Accumulate(Reading[] readings)
    {
        var history = state.State.History;
        var added = false;
        foreach (var reading in readings)
        {
            added |= history.Add(reading, settings.Value.MaxEventTimeJump);
        }
        if (added)
        {
            history.Prune(_calendar, settings.Value);
            await state.WriteStateAsync();
        }
    }

    public async Task<ControlLimits[]> GetLimits(DateOnly date)
    {
        var book = state.State.Limits;
        var computed = false;
        var limits = book.Resolve(date, () =>
        {
            computed = true;
            return state.State.History.ComputeLimits(ProductId, date, _calendar, settings.Value);
        });
        if (computed)
        {
            if (state.State.History.LatestEventUtc is { } latest)
            {
                book.Prune(SpcCalendar.AddDays(_calendar.DayOf(latest), -settings.Value.HistoryDays));
            }
            await state.WriteStateAsync();
        }
        return limits;
    }

    public async Task ImportLimits(ControlLimits[] limits)
    {
        state.State.Limits.Import(limits.Select(l => l with { ProductId = ProductId, Source = LimitSource.Imported }));
        await state.WriteStateAsync();
    }

    public Task<ProductSnapshot> GetSnapshot() => Task.FromResult(new ProductSnapshot
    {
        ProductId = ProductId,
        Limits = state.State.Limits.Recent(),
        Aggregates = state.State.History.Aggregates(),
        Readings = state.State.History.Readings,
        Duplicates = state.State.History.Duplicates,
    });
}
