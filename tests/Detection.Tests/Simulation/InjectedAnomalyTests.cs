using System.Text.Json;
using Actors.Simulation;
using Xunit;

namespace Actors.Detection.Tests.Simulation;

public sealed class InjectedAnomalyTests
{
    [Fact]
    public void Temperature_spikes_appear_at_about_the_configured_probability()
    {
        var options = SimulationRecords.Only(temperatureSensors: 4);
        var temperatures = SimulationRecords.Generate(options, TimeSpan.FromSeconds(25_000))
            .Select(r => SimulationRecords.Metric(r, "temperature"))
            .ToList();
        Assert.Equal(100_000, temperatures.Count);

        var spikes = temperatures.Where(t => t >= 30).ToList();
        Assert.InRange(spikes.Count, 400, 600);
        Assert.All(spikes, t => Assert.InRange(t, 35, 50));
        Assert.All(temperatures.Where(t => t < 30), t => Assert.InRange(t, 20, 30));
        Assert.True(temperatures.Min() < 21 && temperatures.Where(t => t < 30).Max() > 29, "The wave should span 20 to 30 °C.");
    }

    [Fact]
    public void Without_spike_probability_temperatures_stay_below_thirty()
    {
        var options = SimulationRecords.Only(temperatureSensors: 2);
        options.SpikeProbability = 0;

        var temperatures = SimulationRecords.Generate(options, TimeSpan.FromHours(3)).Select(r => SimulationRecords.Metric(r, "temperature"));

        Assert.All(temperatures, t => Assert.InRange(t, 20, 30));
    }

    [Fact]
    public void Humidity_jumps_by_fifteen_for_single_readings_at_about_the_configured_probability()
    {
        var options = SimulationRecords.Only(boards: 4);
        var humidity = SimulationRecords.Generate(options, TimeSpan.FromSeconds(25_000))
            .Where(r => r.DeviceId == "esp-1")
            .Select(r => SimulationRecords.Metric(r, "humidity"))
            .ToList();
        Assert.Equal(25_000, humidity.Count);

        var jumps = Enumerable.Range(0, humidity.Count).Where(i => Math.Abs(humidity[i] - 40) > 9).ToList();
        Assert.InRange(jumps.Count, 75, 175);
        Assert.Contains(jumps, i => humidity[i] > 49);
        Assert.Contains(jumps, i => humidity[i] < 31);
        Assert.All(jumps, i => Assert.True(i == 0 || Math.Abs(humidity[i - 1] - 40) < 9 || jumps.Contains(i - 1)));
        Assert.True(jumps.Zip(jumps.Skip(1)).Count(p => p.Second == p.First + 1) <= 2, "Jumps should last one reading.");
    }

    [Fact]
    public void A_drift_episode_shifts_a_run_of_thickness_values_away_from_the_target()
    {
        static double LargestDeparture(double driftEpisodesPerDay)
        {
            var options = SimulationRecords.Only(lines: 1);
            options.Products = ["B205"];
            options.Interval = TimeSpan.FromSeconds(5);
            options.DriftEpisodesPerDay = driftEpisodesPerDay;
            var thickness = SimulationRecords.Generate(options, TimeSpan.FromDays(2))
                .Select(r => SimulationRecords.Metric(r, "thickness"))
                .ToArray();
            const int run = 60;
            var largest = 0.0;
            for (var i = 0; i + run <= thickness.Length; i++)
            {
                largest = Math.Max(largest, Math.Abs(thickness.AsSpan(i, run).ToArray().Average() - 50.0));
            }
            return largest;
        }

        var withDrift = LargestDeparture(4);
        Assert.True(withDrift > 0.6, $"With drift, some 5-minute run should depart from 50 by more than 0.6 (largest {withDrift:F3}).");
        Assert.InRange(withDrift, 0.85, 1.3);
        var withoutDrift = LargestDeparture(0);
        Assert.True(withoutDrift < 0.6, $"Without drift, no 5-minute run should depart from 50 by more than 0.6 (largest {withoutDrift:F3}).");
    }

    [Fact]
    public void Lines_switch_products_every_few_hours_and_each_product_has_its_own_target()
    {
        var options = SimulationRecords.Only(lines: 2);
        options.DriftEpisodesPerDay = 0;
        var readings = SimulationRecords.Generate(options, TimeSpan.FromDays(1))
            .Select(r =>
            {
                using var document = JsonDocument.Parse(r.Payload);
                var root = document.RootElement;
                return (r.DeviceId, r.EventTime, Product: root.GetProperty("product_id").GetString()!, Thickness: root.GetProperty("thickness").GetDouble());
            })
            .ToList();

        foreach (var line in readings.GroupBy(r => r.DeviceId))
        {
            var switches = line.Zip(line.Skip(1)).Where(p => p.First.Product != p.Second.Product).Select(p => p.Second.EventTime).ToList();
            Assert.InRange(switches.Count, 4, 16);
            Assert.All(switches.Zip(switches.Skip(1)), p => Assert.InRange(p.Second - p.First, TimeSpan.FromHours(1.5), TimeSpan.FromHours(4.5)));
        }
        var means = readings.GroupBy(r => r.Product).ToDictionary(g => g.Key, g => g.Average(r => r.Thickness));
        Assert.Equal(50.0, means["B205"], 0.03);
        Assert.Equal(50.2, means["B206"], 0.03);
        Assert.Equal(49.8, means["C310"], 0.03);
    }

    [Fact]
    public void With_drift_at_start_the_first_line_starts_shifted_up_for_one_drift_duration_and_the_others_do_not()
    {
        var options = SimulationRecords.Only(lines: 2);
        options.DriftEpisodesPerDay = 0;
        options.ProductSwitchInterval = TimeSpan.Zero;
        options.DriftAtStart = true;

        var records = SimulationRecords.Generate(options, 2 * options.DriftDuration);
        double MeanThickness(string device, bool inDrift) => records
            .Where(r => r.DeviceId == device && r.EventTime - SimulationRecords.Start < options.DriftDuration == inDrift)
            .Average(r => SimulationRecords.Metric(r, "thickness"));

        Assert.InRange(MeanThickness("M-001", inDrift: true), 50 + options.DriftShift - 0.1, 50 + options.DriftShift + 0.1);
        Assert.InRange(MeanThickness("M-001", inDrift: false), 49.9, 50.1);
        Assert.InRange(MeanThickness("M-002", inDrift: true), 50.1, 50.3);
    }

    [Fact]
    public void With_spike_at_start_the_first_sensor_starts_with_a_spike_and_the_others_do_not()
    {
        var options = SimulationRecords.Only(temperatureSensors: 2);
        options.SpikeProbability = 0;
        options.SpikeAtStart = true;

        var records = SimulationRecords.Generate(options, TimeSpan.FromMinutes(1));
        double[] Temperatures(string device) => [.. records.Where(r => r.DeviceId == device).Select(r => SimulationRecords.Metric(r, "temperature"))];

        Assert.InRange(Temperatures("sensor-1")[0], 35, 50);
        Assert.All(Temperatures("sensor-1").Skip(1), t => Assert.InRange(t, 20, 30));
        Assert.All(Temperatures("sensor-2"), t => Assert.InRange(t, 20, 30));
    }
}
