using Orleans.Storage;

namespace Actors.Grains.Product;

/// <summary>
/// Keeps the pages of a product's state (<see cref="ProductPages"/>) as records of their own in the cluster's grain
/// storage, each in two slots: a new version of a page goes into the slot the product's head state does not name, and
/// only the head's write, which then names it, commits it. A crash between the two leaves the head and the versions it
/// names as they were, so a product reads back a state that was written whole, never half of a checkpoint.
/// </summary>
internal sealed class ProductPageStore(IGrainStorage storage, string productId)
{
    /// <summary>The ETag of every slot read or written so far; null for a slot known to hold nothing.</summary>
    private readonly Dictionary<(string Page, int Slot), string?> _etags = [];

    public async Task<T?> ReadAsync<T>(string page, int slot)
    {
        var state = new GrainState<T>();
        await storage.ReadStateAsync(ProductPages.StateName(page), Id(page, slot), state);
        _etags[(page, slot)] = state.ETag;
        return state.RecordExists ? state.State : default;
    }

    /// <summary>Writes <paramref name="value"/> into a slot, whatever the slot held (its ETag is learned first if not known).</summary>
    public async Task WriteAsync<T>(string page, int slot, T value)
    {
        if (!_etags.TryGetValue((page, slot), out var etag))
        {
            await ReadAsync<T>(page, slot);
            etag = _etags[(page, slot)];
        }
        var state = new GrainState<T>(value) { ETag = etag };
        await storage.WriteStateAsync(ProductPages.StateName(page), Id(page, slot), state);
        _etags[(page, slot)] = state.ETag;
    }

    /// <summary>Removes both slots of a page the head no longer names.</summary>
    public async Task ClearAsync<T>(string page)
    {
        for (var slot = 0; slot < 2; slot++)
        {
            if (!_etags.TryGetValue((page, slot), out var etag))
            {
                await ReadAsync<T>(page, slot);
                etag = _etags[(page, slot)];
            }
            if (etag is not null)
            {
                var state = new GrainState<T> { ETag = etag, RecordExists = true };
                await storage.ClearStateAsync(ProductPages.StateName(page), Id(page, slot), state);
            }
            _etags.Remove((page, slot));
        }
    }

    private GrainId Id(string page, int slot) => GrainId.Create(ProductPages.StateName(page), $"{productId}/{page}/{slot}");
}
