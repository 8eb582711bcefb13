using Actors.Simulation.Json;

namespace Actors.Simulation.Devices;

/// <summary>
/// A manufacturing line that makes one product at a time and switches now and then. Thickness is normal around the
/// product's target (sd 0.5), line speed normal around 50 (sd 0.3); a drift episode now and then shifts the thickness
/// mean for a few minutes (the first line starts with one upwards when <see cref="SimulationOptions.DriftAtStart"/>).
/// <c>{"timestamp": "2026-02-17 12:00:34", "machine_id": "M-001", "product_id": "B205", "thickness": 49.86, "line_speed": 50.2}</c>
/// </summary>
internal sealed class ProductionLine : SimulatedDevice
{
    private const string TimestampFormat = "yyyy-MM-dd HH:mm:ss";
    private const double ThicknessMean = 50.0;
    private const double ProductTargetStep = 0.2;
    private const double ThicknessStandardDeviation = 0.5;
    private const double LineSpeedMean = 50.0;
    private const double LineSpeedStandardDeviation = 0.3;

    private readonly IReadOnlyList<string> _products;
    private readonly TimeSpan _switchInterval;
    private readonly double _driftProbability;
    private readonly TimeSpan _driftDuration;
    private readonly double _driftShift;
    private int _product;
    private DateTime? _nextSwitch;
    private DateTime _driftUntil = DateTime.MinValue;
    private double _currentShift;
    private bool _driftAtStart;

    public ProductionLine(string deviceId, int seed, int lineIndex, SimulationOptions options)
        : base(deviceId, seed)
    {
        _products = options.EffectiveProducts;
        _product = lineIndex % _products.Count;
        _switchInterval = options.ProductSwitchInterval;
        _driftProbability = Math.Min(1.0, options.DriftEpisodesPerDay * options.Interval.Ticks / TimeSpan.TicksPerDay);
        _driftDuration = options.DriftDuration;
        _driftShift = options.DriftShift;
        _driftAtStart = options.DriftAtStart && lineIndex == 0;
    }

    public override TimeSpan TimestampResolution => TimeSpan.FromSeconds(1);

    /// <summary>The thickness target of the product at <paramref name="index"/>: 50.0, 50.2, 49.8, 50.4, 49.6, ...</summary>
    public static double TargetOf(int index)
    {
        var steps = (index + 1) / 2;
        var sign = index % 2 == 1 ? 1 : -1;
        return ThicknessMean + sign * steps * ProductTargetStep;
    }

    public override JsonRecord Read(DateTime eventTime)
    {
        SwitchProductIfDue(eventTime);
        UpdateDrift(eventTime);
        var thickness = RandomDraws.Normal(Random, TargetOf(_product) + _currentShift, ThicknessStandardDeviation);
        var lineSpeed = RandomDraws.Normal(Random, LineSpeedMean, LineSpeedStandardDeviation);
        return new JsonRecord()
            .Time("timestamp", eventTime, TimestampFormat)
            .String("machine_id", FieldRole.Identity, DeviceId)
            .String("product_id", FieldRole.Other, _products[_product])
            .Number("thickness", FieldRole.Metric, JsonText.Round(thickness, 2))
            .Number("line_speed", FieldRole.Metric, JsonText.Round(lineSpeed, 2));
    }

    private void SwitchProductIfDue(DateTime eventTime)
    {
        if (_switchInterval <= TimeSpan.Zero || _products.Count < 2)
        {
            return;
        }
        _nextSwitch ??= eventTime + NextStint();
        while (eventTime >= _nextSwitch)
        {
            _product = (_product + 1 + Random.Next(_products.Count - 1)) % _products.Count;
            _nextSwitch += NextStint();
        }
    }

    private TimeSpan NextStint() => _switchInterval * RandomDraws.Uniform(Random, 0.5, 1.5);

    private void UpdateDrift(DateTime eventTime)
    {
        if (eventTime < _driftUntil)
        {
            return;
        }
        _currentShift = 0;
        if (_driftAtStart || Random.NextDouble() < _driftProbability)
        {
            _currentShift = _driftAtStart ? _driftShift : RandomDraws.Sign(Random) * _driftShift;
            _driftUntil = eventTime + _driftDuration;
            _driftAtStart = false;
        }
    }
}
