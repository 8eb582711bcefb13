using Actors.Simulation;
using Xunit;

namespace Actors.Detection.Tests.Simulation;

public sealed class MalformedRecordTests
{
    private static readonly string[] AllKinds = ["truncated", "nan", "overflow", "missing-id", "bad-time", "strings", "binary", "empty"];

    [Fact]
    public void Default_rate_over_100k_records_is_about_one_in_a_thousand_and_every_kind_appears()
    {
        var records = SimulationRecords.Generate(new SimulationOptions(), TimeSpan.FromSeconds(10_000));
        Assert.Equal(100_000, records.Count);

        var malformed = records.Where(r => r.IsMalformed).ToList();
        Assert.InRange(malformed.Count, 60, 140);

        var kinds = malformed.Select(r => SimulationRecords.ClassifyMalformed(r.Payload)).ToList();
        Assert.DoesNotContain(null, kinds);
        var counts = kinds.GroupBy(k => k!).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(AllKinds.Order(), counts.Keys.Order());
        Assert.All(counts.Values, c => Assert.InRange(c, malformed.Count / AllKinds.Length, malformed.Count / AllKinds.Length + 1));
    }

    [Fact]
    public void A_high_rate_is_honoured_and_every_device_kind_gets_malformed_records()
    {
        var records = SimulationRecords.Generate(new SimulationOptions { MalformedRate = 0.2 }, TimeSpan.FromSeconds(2_000));

        var share = records.Count(r => r.IsMalformed) / (double)records.Count;
        Assert.InRange(share, 0.18, 0.22);
        Assert.All(records.Where(r => !r.IsMalformed), r => Assert.Null(SimulationRecords.ClassifyMalformed(r.Payload)));
        Assert.All(records.Where(r => r.IsMalformed), r => Assert.NotNull(SimulationRecords.ClassifyMalformed(r.Payload)));
        foreach (var prefix in new[] { "sensor-", "esp-", "4401031149383", "M-" })
        {
            var kinds = records
                .Where(r => r.IsMalformed && r.DeviceId.StartsWith(prefix, StringComparison.Ordinal))
                .Select(r => SimulationRecords.ClassifyMalformed(r.Payload))
                .Distinct()
                .Count();
            Assert.True(kinds == AllKinds.Length, $"Devices {prefix}* show {kinds} of {AllKinds.Length} malformed kinds.");
        }
    }

    [Fact]
    public void Malformed_records_never_contain_a_line_break()
    {
        var records = SimulationRecords.Generate(new SimulationOptions { MalformedRate = 0.5 }, TimeSpan.FromSeconds(1_000));

        Assert.All(records, r => Assert.DoesNotContain(r.Payload, b => b is (byte)'\n' or (byte)'\r'));
    }

    [Fact]
    public void A_zero_rate_yields_no_malformed_records()
    {
        var records = SimulationRecords.Generate(new SimulationOptions { MalformedRate = 0 }, TimeSpan.FromSeconds(5_000));

        Assert.DoesNotContain(records, r => r.IsMalformed);
    }
}
