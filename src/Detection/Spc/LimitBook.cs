using Actors.Grains.Interfaces;

namespace Actors.Detection.Spc;

/// <summary>
/// The control limits a product served, per date and metric. Computed limits are frozen when a date is first
/// resolved; imported limits replace computed ones for the same metric and date, whenever they arrive.
/// </summary>
[GenerateSerializer, Alias("spc-limit-book")]
public sealed class LimitBook
{
    [Id(0)] private Dictionary<DateOnly, Dictionary<string, ControlLimits>> _computed = [];
    [Id(1)] private Dictionary<DateOnly, Dictionary<string, ControlLimits>> _imported = [];

    /// <summary>Dates with limits or a resolution on record.</summary>
    internal int Dates => _computed.Keys.Union(_imported.Keys).Count();

    /// <summary>Whether computed limits of <paramref name="date"/> are frozen (possibly as "none").</summary>
    public bool IsResolved(DateOnly date) => _computed.ContainsKey(date);

    /// <summary>
    /// The limits of <paramref name="date"/>, ordered by metric: imported ones, else computed ones. The first time a
    /// date is resolved, <paramref name="compute"/> is called once and its result frozen, including the absence of
    /// limits for a metric, so later requests for that date get the same answer. If it throws, nothing is recorded.
    /// </summary>
    /// <exception cref="InvalidOperationException"><paramref name="compute"/> returned limits of another date.</exception>
    public ControlLimits[] Resolve(DateOnly date, Func<ControlLimits[]> compute)
    {
        ArgumentNullException.ThrowIfNull(compute);
        if (!_computed.ContainsKey(date))
        {
            var computed = new Dictionary<string, ControlLimits>();
            foreach (var limits in compute() ?? [])
            {
                ArgumentNullException.ThrowIfNull(limits, nameof(compute));
                if (limits.Date != date)
                {
                    throw new InvalidOperationException(
                        $"Limits computed for {date:yyyy-MM-dd} are dated {limits.DateKey} (metric '{limits.Metric}').");
                }

                computed[limits.Metric] = limits;
            }

            _computed.Add(date, computed);
        }

        return Served(date);
    }

    /// <summary>
    /// Stores imported limits under their own date and metric, marked <see cref="LimitSource.Imported"/>; they win over
    /// computed limits of the same metric and date, and a later import replaces an earlier one.
    /// </summary>
    public void Import(IEnumerable<ControlLimits> limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var batch = limits.ToArray();
        if (batch.Any(item => item is null))
        {
            throw new ArgumentException("Imported limits must not contain null entries.", nameof(limits));
        }

        foreach (var item in batch)
        {
            if (!_imported.TryGetValue(item.Date, out var day))
            {
                day = [];
                _imported.Add(item.Date, day);
            }

            day[item.Metric] = item.Source == LimitSource.Imported ? item : item with { Source = LimitSource.Imported };
        }
    }

    /// <summary>Every date's limits as <see cref="Resolve"/> serves them, newest date first, then by metric.</summary>
    public ControlLimits[] Recent() =>
        [.. _computed.Keys.Union(_imported.Keys).OrderDescending().SelectMany(Served)];

    /// <summary>Drops every date before <paramref name="keepFrom"/>.</summary>
    public void Prune(DateOnly keepFrom)
    {
        foreach (var date in _computed.Keys.Where(date => date < keepFrom).ToArray())
        {
            _computed.Remove(date);
        }

        foreach (var date in _imported.Keys.Where(date => date < keepFrom).ToArray())
        {
            _imported.Remove(date);
        }
    }

    /// <summary>Keeps the <see cref="SpcOptions.HistoryDays"/> dates up to and including <paramref name="today"/>, and any later ones.</summary>
    public void Prune(DateOnly today, SpcOptions settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Prune(SpcCalendar.AddDays(today, 1 - Math.Max(1, settings.HistoryDays)));
    }

    private ControlLimits[] Served(DateOnly date)
    {
        var served = new Dictionary<string, ControlLimits>();
        if (_computed.TryGetValue(date, out var computed))
        {
            foreach (var (metric, limits) in computed)
            {
                served[metric] = limits;
            }
        }

        if (_imported.TryGetValue(date, out var imported))
        {
            foreach (var (metric, limits) in imported)
            {
                served[metric] = limits;
            }
        }

        return [.. served.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => pair.Value)];
    }
}
