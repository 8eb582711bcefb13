using System.Collections.Concurrent;

namespace Actors.Detection.Spc;

/// <summary>
/// Resolves the <see cref="SeriesRules"/> of a product metric from <see cref="SpcOptions.Charts"/> and
/// <see cref="SpcOptions.Overrides"/>, layering global, metric, product, then product-and-metric entries, and keeps
/// each answer. Thread-safe: one per silo serves every device grain.
/// </summary>
public sealed class SeriesRulesBook(SpcOptions settings)
{
    private readonly SeriesRules _global = SeriesRules.Default.With(settings.Charts);
    private readonly ConcurrentDictionary<(string Product, string Metric), SeriesRules> _resolved = new();

    /// <summary>A book with nothing configured.</summary>
    public static SeriesRulesBook Empty => new(new SpcOptions());

    /// <summary>The rules of <paramref name="metric"/> of <paramref name="productId"/>.</summary>
    public SeriesRules For(string productId, string metric)
    {
        if (settings.Overrides.Count == 0)
        {
            return _global;
        }

        return _resolved.GetOrAdd((productId, metric), Resolve);
    }

    private SeriesRules Resolve((string Product, string Metric) key)
    {
        var (productId, metric) = key;
        var rules = _global;
        foreach (var layer in settings.Overrides.Where(o => o.ProductId is null && o.Metric == metric))
        {
            rules = rules.With(layer);
        }

        foreach (var layer in settings.Overrides.Where(o => o.ProductId == productId && o.Metric is null))
        {
            rules = rules.With(layer);
        }

        foreach (var layer in settings.Overrides.Where(o => o.ProductId == productId && o.Metric == metric))
        {
            rules = rules.With(layer);
        }

        return rules;
    }
}
