using Actors.Simulation;
using Xunit;

namespace Actors.Detection.Tests.Simulation;

public sealed class ReadingSimulatorTests
{
    [Fact]
    public void Same_seed_gives_identical_records_and_another_seed_does_not()
    {
        var first = SimulationRecords.Generate(new SimulationOptions { MalformedRate = 0.01 }, TimeSpan.FromMinutes(30));
        var second = SimulationRecords.Generate(new SimulationOptions { MalformedRate = 0.01 }, TimeSpan.FromMinutes(30));
        var other = SimulationRecords.Generate(new SimulationOptions { MalformedRate = 0.01, Seed = 43 }, TimeSpan.FromMinutes(30));

        Assert.Equal(first.Count, second.Count);
        for (var i = 0; i < first.Count; i++)
        {
            Assert.Equal(first[i].EventTime, second[i].EventTime);
            Assert.Equal(first[i].DeviceId, second[i].DeviceId);
            Assert.Equal(first[i].IsMalformed, second[i].IsMalformed);
            Assert.Equal(first[i].Payload, second[i].Payload);
        }
        Assert.Equal(first.Count, other.Count);
        Assert.Contains(Enumerable.Range(0, first.Count), i => !first[i].Payload.AsSpan().SequenceEqual(other[i].Payload));
    }

    [Fact]
    public void Generating_twice_from_one_simulator_starts_afresh()
    {
        var simulator = new ReadingSimulator(new SimulationOptions());
        var first = simulator.Generate(SimulationRecords.Start, TimeSpan.FromMinutes(5)).Select(r => Convert.ToBase64String(r.Payload)).ToList();
        var second = simulator.Generate(SimulationRecords.Start, TimeSpan.FromMinutes(5)).Select(r => Convert.ToBase64String(r.Payload)).ToList();

        Assert.Equal(first, second);
    }

    [Fact]
    public void Records_are_in_event_time_order_with_ties_in_device_order()
    {
        var simulator = new ReadingSimulator(new SimulationOptions { MalformedRate = 0.01 });
        var order = simulator.DeviceIds.Select((id, index) => (id, index)).ToDictionary(p => p.id, p => p.index);
        var records = simulator.Generate(SimulationRecords.Start, TimeSpan.FromHours(1)).ToList();

        Assert.Equal(10 * 3600, records.Count);
        for (var i = 1; i < records.Count; i++)
        {
            var previous = records[i - 1];
            var current = records[i];
            Assert.True(
                previous.EventTime < current.EventTime
                || (previous.EventTime == current.EventTime && order[previous.DeviceId] <= order[current.DeviceId]),
                $"Record {i} ({current.DeviceId} at {current.EventTime:O}) comes after {previous.DeviceId} at {previous.EventTime:O}.");
        }
        Assert.All(records, r => Assert.Equal(DateTimeKind.Utc, r.EventTime.Kind));
    }

    [Fact]
    public void Devices_read_at_their_interval_with_distinct_phase_offsets()
    {
        var options = new SimulationOptions { Interval = TimeSpan.FromSeconds(2) };
        var simulator = new ReadingSimulator(options);
        var records = simulator.Generate(SimulationRecords.Start, TimeSpan.FromMinutes(10)).ToList();

        var sensorTimes = records.Where(r => r.DeviceId == "sensor-2").Select(r => r.EventTime).ToList();
        Assert.Equal(300, sensorTimes.Count);
        Assert.All(sensorTimes.Zip(sensorTimes.Skip(1)), pair => Assert.Equal(options.Interval, pair.Second - pair.First));

        var firstTimes = simulator.DeviceIds
            .Where(id => !id.StartsWith("M-", StringComparison.Ordinal))
            .Select(id => records.First(r => r.DeviceId == id).EventTime)
            .ToList();
        Assert.Equal(firstTimes.Count, firstTimes.Distinct().Count());
        Assert.All(firstTimes, t => Assert.InRange(t, SimulationRecords.Start, SimulationRecords.Start + options.Interval));
    }

    [Fact]
    public void Device_ids_follow_the_seed_systems_naming()
    {
        var simulator = new ReadingSimulator(new SimulationOptions());

        Assert.Equal(
            ["sensor-1", "sensor-2", "sensor-3", "esp-1", "esp-2", "440103114938301", "M-001", "M-002", "M-003", "M-004"],
            simulator.DeviceIds);
    }

    [Fact]
    public void Generation_is_lazy()
    {
        var simulator = new ReadingSimulator(new SimulationOptions());

        var records = simulator.Generate(SimulationRecords.Start, TimeSpan.FromDays(3650)).Take(1000).ToList();

        Assert.Equal(1000, records.Count);
        Assert.True(records[^1].EventTime < SimulationRecords.Start.AddMinutes(2));
    }

    [Fact]
    public void Invalid_options_are_refused_naming_the_property()
    {
        var error = Assert.Throws<ArgumentException>(() => new ReadingSimulator(new SimulationOptions { Interval = TimeSpan.Zero, MalformedRate = 2 }));

        Assert.Contains("Simulation:Interval", error.Message, StringComparison.Ordinal);
        Assert.Contains("Simulation:MalformedRate", error.Message, StringComparison.Ordinal);
        Assert.Empty(SimulationOptionsValidator.Validate(new SimulationOptions()));
    }

    [Fact]
    public void Options_are_snapshotted_when_the_simulator_is_created()
    {
        var options = new SimulationOptions();
        var simulator = new ReadingSimulator(options);
        var before = simulator.Generate(SimulationRecords.Start, TimeSpan.FromMinutes(1)).Count();

        options.Interval = TimeSpan.FromMilliseconds(100);

        Assert.Equal(before, simulator.Generate(SimulationRecords.Start, TimeSpan.FromMinutes(1)).Count());
    }
}
