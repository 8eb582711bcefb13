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

    /// <summary>Writes <paramref name="value"/> into a slot, whatever the slot held.</summary>
    public async Task WriteAsync<T>(string page, int slot, T value)
    {
        var state = new GrainState<T>(value) { ETag = await ETagAsync<T>(page, slot) };
        await storage.WriteStateAsync(ProductPages.StateName(page), Id(page, slot), state);
        _etags[(page, slot)] = state.ETag;
    }

    /// <summary>Removes both slots of a page the head no longer names.</summary>
    public async Task ClearAsync<T>(string page)
    {
        for (var slot = 0; slot < 2; slot++)
        {
            if (await ETagAsync<T>(page, slot) is { } etag)
            {
                var state = new GrainState<T> { ETag = etag, RecordExists = true };
                await storage.ClearStateAsync(ProductPages.StateName(page), Id(page, slot), state);
            }
            _etags.Remove((page, slot));
        }
    }

    /// <summary>The slot's ETag, read from storage the first time it is needed.</summary>
    private async Task<string?> ETagAsync<T>(string page, int slot)
    {
        if (!_etags.TryGetValue((page, slot), out var etag))
        {
            await ReadAsync<T>(page, slot);
            etag = _etags[(page, slot)];
        }
        return etag;
    }

    private GrainId Id(string page, int slot) => GrainId.Create(ProductPages.StateName(page), $"{productId}/{page}/{slot}");
}
