namespace Actors.Grains.Options;

/// <summary>Silence settings (configuration section <see cref="SectionName"/>).</summary>
public sealed class SilenceOptions
{
    public const string SectionName = "Silences";

    /// <summary>
    /// How long a silo uses its copy of the silences before asking the silences grain again: a silence added or removed
    /// takes effect within this time. Default 5 s; zero asks on every notification (tests).
    /// </summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(5);
}
