using Actors.Simulation;
using Xunit;

namespace Actors.Detection.Tests.Simulation;

public sealed class DatasetGeneratorTests
{
    [Fact]
    public async Task Same_seed_writes_identical_bytes_one_record_per_line()
    {
        var first = await WriteAsync(new SimulationOptions());
        var second = await WriteAsync(new SimulationOptions());
        var other = await WriteAsync(new SimulationOptions { Seed = 7 });

        Assert.Equal(first.Bytes, second.Bytes);
        Assert.NotEqual(first.Bytes, other.Bytes);
        Assert.Equal(first.Summary, second.Summary);
        Assert.Equal(10, first.Summary.Devices);
        Assert.Equal(10 * 3600, first.Summary.Records);
        Assert.Equal(first.Summary.Records, first.Bytes.Count(b => b == (byte)'\n'));
        Assert.Equal((byte)'\n', first.Bytes[^1]);

        var expected = new ReadingSimulator(new SimulationOptions()).Generate(SimulationRecords.Start, TimeSpan.FromHours(1)).ToList();
        Assert.Equal(expected.Count(r => r.IsMalformed), first.Summary.Malformed);
        Assert.Equal(expected.SelectMany(r => r.Payload.Append((byte)'\n')).ToArray(), first.Bytes);
    }

    [Fact]
    public async Task For_target_gives_the_requested_reading_count_within_one_percent()
    {
        var duration = TimeSpan.FromDays(4);
        var options = DatasetGenerator.ForTarget(10, duration, 170_000);

        Assert.Equal(10, options.DeviceCount);
        Assert.True(options.ProductionLines >= 6, $"Only {options.ProductionLines} production lines.");
        Assert.True(options.TemperatureSensors > 0 && options.Boards > 0 && options.Gateways > 0, "Every device kind should take part.");

        await using var output = new MemoryStream();
        var summary = await DatasetGenerator.WriteNdjsonAsync(output, options, SimulationRecords.Start, duration, CancellationToken.None);

        Assert.InRange(summary.Records, 168_300, 171_700);
        Assert.Equal(10, summary.Devices);
        Assert.Equal(summary.Records, output.ToArray().Count(b => b == (byte)'\n'));
        Assert.InRange(summary.Malformed, 100, 250);
    }

    [Theory]
    [InlineData(1, 1, 0)]
    [InlineData(3, 2, 1)]
    [InlineData(10, 6, 4)]
    [InlineData(1000, 600, 400)]
    public void For_target_spreads_devices_with_most_of_them_lines(int devices, int lines, int others)
    {
        var options = DatasetGenerator.ForTarget(devices, TimeSpan.FromHours(1), 1000);

        Assert.Equal(lines, options.ProductionLines);
        Assert.Equal(others, options.TemperatureSensors + options.Boards + options.Gateways);
        Assert.Empty(SimulationOptionsValidator.Validate(options));
        Assert.Equal(TimeSpan.FromHours(1) * devices / 1000, options.Interval);
    }

    [Fact]
    public async Task Writing_stops_when_cancelled()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            DatasetGenerator.WriteNdjsonAsync(Stream.Null, new SimulationOptions(), SimulationRecords.Start, TimeSpan.FromHours(1), cancellation.Token));
    }

    private static async Task<(byte[] Bytes, DatasetSummary Summary)> WriteAsync(SimulationOptions options)
    {
        await using var output = new MemoryStream();
        var summary = await DatasetGenerator.WriteNdjsonAsync(output, options, SimulationRecords.Start, TimeSpan.FromHours(1), CancellationToken.None);
        return (output.ToArray(), summary);
    }
}
