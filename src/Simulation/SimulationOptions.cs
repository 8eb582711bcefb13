namespace Actors.Simulation;

/// <summary>
/// Settings of the simulated sensor fleet (configuration section <c>Simulation</c>).
/// Every default reproduces the devices the seed systems simulated.
/// </summary>
public sealed class SimulationOptions
{
    /// <summary>Name of the configuration section these options bind to.</summary>
    public const string SectionName = "Simulation";

    /// <summary>Products the lines make when <see cref="Products"/> is empty: B205, B206, C310.</summary>
    public static IReadOnlyList<string> DefaultProducts { get; } = ["B205", "B206", "C310"];

    /// <summary>Number of temperature sensors (<c>sensor-1</c>, <c>sensor-2</c>, ...). Default 3.</summary>
    public int TemperatureSensors { get; set; } = 3;

    /// <summary>Number of boards with several sensors (<c>esp-1</c>, <c>esp-2</c>, ...). Default 2.</summary>
    public int Boards { get; set; } = 2;

    /// <summary>Number of cellular gateways, identified by IMSI (<c>440103114938301</c>, ...). Default 1, at most 99.</summary>
    public int Gateways { get; set; } = 1;

    /// <summary>Number of manufacturing lines (<c>M-001</c>, <c>M-002</c>, ...). Default 4.</summary>
    public int ProductionLines { get; set; } = 4;

    /// <summary>
    /// Products the lines make. Empty (the default) means <see cref="DefaultProducts"/>; it is left empty rather
    /// than pre-filled because the configuration binder appends to a pre-filled array instead of replacing it.
    /// The n-th product's thickness target is 50.0, 50.2, 49.8, 50.4, 49.6, ... mm.
    /// </summary>
    public string[] Products { get; set; } = [];

    /// <summary>Time between two readings of one device. Default 1 s.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Share of records replaced by a malformed one (the kinds take turns). Default 0.001.</summary>
    public double MalformedRate { get; set; } = 0.001;

    /// <summary>Seed of every random choice; the same seed gives the same bytes. Default 42.</summary>
    public int Seed { get; set; } = 42;

    /// <summary>Probability that a temperature sensor reading is a spike, uniform in 35-50 °C. Default 0.005.</summary>
    public double SpikeProbability { get; set; } = 0.005;

    /// <summary>Period of the temperature sensors' sine wave between 20 and 30 °C. Default 10 minutes.</summary>
    public TimeSpan TemperaturePeriod { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Probability that one board humidity reading jumps by 15 points up or down. Default 0.005.</summary>
    public double HumidityJumpProbability { get; set; } = 0.005;

    /// <summary>Mean time a line makes one product before switching to another (each stint is 0.5 to 1.5 times this). <see cref="TimeSpan.Zero"/> never switches. Default 3 hours.</summary>
    public TimeSpan ProductSwitchInterval { get; set; } = TimeSpan.FromHours(3);

    /// <summary>Expected number of thickness drift episodes per line and day of simulated time. Default 4.</summary>
    public double DriftEpisodesPerDay { get; set; } = 4;

    /// <summary>Length of a drift episode. Default 5 minutes.</summary>
    public TimeSpan DriftDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Shift of the thickness mean during a drift episode, up or down with equal chance. Default 1.0 mm.</summary>
    public double DriftShift { get; set; } = 1.0;

    /// <summary>
    /// Whether the first line (<c>M-001</c>) starts in a drift episode: its thickness mean shifted up by
    /// <see cref="DriftShift"/> for <see cref="DriftDuration"/> from the first reading, so that SPC alerts
    /// (<c>Provisional</c>, <c>Confirmed</c>, and the charts that are on) appear within seconds instead of at the first
    /// random episode. Default false; the ingestor's <c>appsettings.json</c> turns it on for <c>simulate</c>.
    /// </summary>
    public bool DriftAtStart { get; set; }

    /// <summary>
    /// Whether the first temperature sensor's (<c>sensor-1</c>) first reading is a spike, so that a <c>Threshold</c>
    /// alert appears at once instead of at the first random spike (on average one a minute from the three default
    /// sensors). Default false; the ingestor's <c>appsettings.json</c> turns it on for <c>simulate</c>.
    /// </summary>
    public bool SpikeAtStart { get; set; }

    /// <summary>Total number of simulated devices.</summary>
    public int DeviceCount => TemperatureSensors + Boards + Gateways + ProductionLines;

    /// <summary>The products the lines make: <see cref="Products"/>, or <see cref="DefaultProducts"/> when it is empty.</summary>
    public IReadOnlyList<string> EffectiveProducts => Products.Length == 0 ? DefaultProducts : Products;

    internal SimulationOptions Copy()
    {
        var copy = (SimulationOptions)MemberwiseClone();
        copy.Products = [.. Products];
        return copy;
    }
}
