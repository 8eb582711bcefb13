namespace Actors.Detection.Spc;

/// <summary>
/// Resolves the <see cref="SeriesRules"/> of a product metric from <see cref="SpcOptions.Charts"/> and
/// <see cref="SpcOptions.Overrides"/>, layering global, metric, product, then product-and-metric entries, and keeps
/// each answer. Not thread-safe: one per grain.
/// </summary>
public sealed class SeriesRulesBook(SpcOptions settings)
{
    private readonly SeriesRules _global = SeriesRules.Default.With(settings.Charts);
    private readonly Dictionary<(string Product, string Metric), SeriesRules> _resolved = [];

    /// <summary>A book with nothing configured.</summary>
    public static SeriesRulesBook Empty => new(new SpcOptions());

    /// <summary>The rules of <paramref name="metric"/> of <paramref name="productId"/>.</summary>
    public SeriesRules For(string productId, string metric)
    {
        if (settings.Overrides.Count == 0)
        {
            return _global;
        }

        if (!_resolved.TryGetValue((productId, metric), out var rules))
        {
            rules = _global;
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

            _resolved.Add((productId, metric), rules);
        }

        return rules;
    }
}
