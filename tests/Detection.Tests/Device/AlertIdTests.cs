using Actors.Detection.Device;
using Actors.Grains.Interfaces;
using Xunit;

namespace Actors.Detection.Tests.Device;

public sealed class AlertIdTests
{
    [Fact]
    public void Alert_id_names_device_metric_type_and_time_to_the_tick()
    {
        var time = new DateTime(2026, 2, 17, 12, 0, 58, DateTimeKind.Utc).AddTicks(1_234_567);

        Assert.Equal("M-001/thickness/Confirmed/20260217T120058.1234567Z", AlertIds.For("M-001", "thickness", AnomalyType.Confirmed, time));
        Assert.Equal("sensor-7/temperature/ZScore/20260217T120058.1234567Z", AlertIds.For("sensor-7", "temperature", AnomalyType.ZScore, time));
    }

    [Fact]
    public void Alert_id_does_not_depend_on_the_current_culture()
    {
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("ar-SA");
            var id = AlertIds.For("d", "m", AnomalyType.Threshold, new DateTime(2026, 2, 17, 0, 0, 0, DateTimeKind.Utc));
            Assert.Equal("d/m/Threshold/20260217T000000.0000000Z", id);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }
}
