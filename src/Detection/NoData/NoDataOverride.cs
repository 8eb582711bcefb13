namespace Actors.Detection.NoData;

/// <summary>The silence of one device or of every device of one product (<c>NoData:Overrides:N</c>).</summary>
public sealed class NoDataOverride
{
    /// <summary>The device it applies to; set this or <see cref="ProductId"/>.</summary>
    public string? DeviceId { get; set; }

    /// <summary>The product whose devices it applies to (by the product of a device's latest reading).</summary>
    public string? ProductId { get; set; }

    /// <summary>Silence after which the alarm is raised; zero turns it off for the device or product.</summary>
    public TimeSpan After { get; set; }
}
