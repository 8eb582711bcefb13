using Microsoft.Extensions.Options;

namespace Actors.Detection.NoData;

/// <summary>
/// How long each device may stay silent: its own override, else its product's, else <see cref="NoDataOptions.After"/>.
/// Overrides are looked up in dictionaries built once, so a million per-device entries cost one lookup per device.
/// </summary>
public sealed class NoDataPolicy
{
    private readonly TimeSpan? _after;
    private readonly Dictionary<string, TimeSpan> _devices = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TimeSpan> _products = new(StringComparer.Ordinal);

    public NoDataPolicy(IOptions<NoDataOptions> options)
    {
        var settings = options.Value;
        _after = settings.After;
        Enabled = settings.Enabled;
        foreach (var entry in settings.Overrides)
        {
            if (entry.DeviceId is { } device)
            {
                _devices[device] = entry.After;
            }
            else if (entry.ProductId is { } product)
            {
                _products[product] = entry.After;
            }
        }
    }

    /// <summary>Whether any device can raise a NoData alarm.</summary>
    public bool Enabled { get; }

    /// <summary>The silence after which the device raises a NoData alarm, or null when it is not watched.</summary>
    /// <param name="deviceId">The device.</param>
    /// <param name="productId">The product of its latest reading, if any.</param>
    public TimeSpan? AfterFor(string deviceId, string? productId)
    {
        var after = _devices.TryGetValue(deviceId, out var own) ? own
            : productId is not null && _products.TryGetValue(productId, out var product) ? product
            : _after;
        return after > TimeSpan.Zero ? after : null;
    }
}
