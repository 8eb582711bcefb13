namespace Actors.Simulation;

/// <summary>Writes simulated datasets as NDJSON files (one raw record per line).</summary>
public static class DatasetGenerator
{
    /// <summary>Share of the devices that are manufacturing lines in <see cref="ForTarget"/>: lines matter most for SPC.</summary>
    public const double ProductionLineShare = 0.6;

    private const int FlushThreshold = 64 * 1024;

    /// <summary>
    /// Writes every record of the simulation from <paramref name="startUtc"/> for <paramref name="duration"/> to
    /// <paramref name="output"/>, one per line (<c>\n</c>), in event-time order. The stream is flushed, not closed.
    /// </summary>
    public static async Task<DatasetSummary> WriteNdjsonAsync(
        Stream output,
        SimulationOptions options,
        DateTime startUtc,
        TimeSpan duration,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(output);
        var simulator = new ReadingSimulator(options);
        ct.ThrowIfCancellationRequested();
        using var buffer = new MemoryStream(FlushThreshold * 2);
        long records = 0;
        long malformed = 0;
        foreach (var record in simulator.Generate(startUtc, duration))
        {
            buffer.Write(record.Payload);
            buffer.WriteByte((byte)'\n');
            records++;
            if (record.IsMalformed)
            {
                malformed++;
            }
            if (buffer.Length >= FlushThreshold)
            {
                await FlushAsync(buffer, output, ct).ConfigureAwait(false);
            }
        }
        await FlushAsync(buffer, output, ct).ConfigureAwait(false);
        await output.FlushAsync(ct).ConfigureAwait(false);
        return new DatasetSummary(records, malformed, simulator.DeviceIds.Count);
    }

    /// <summary>
    /// Options for <paramref name="devices"/> devices that produce about <paramref name="readings"/> records in
    /// <paramref name="duration"/>: at least <see cref="ProductionLineShare"/> of the devices (rounded up) are
    /// manufacturing lines, the rest are spread over temperature sensors, boards and gateways in turn, and
    /// <c>Interval = devices * duration / readings</c>. Every other setting keeps its default.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">An argument is not positive, or the interval would be shorter than one tick.</exception>
    public static SimulationOptions ForTarget(int devices, TimeSpan duration, long readings)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(devices, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(readings, 1);
        var intervalTicks = (long)((Int128)duration.Ticks * devices / readings);
        if (intervalTicks < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(readings), readings, "Too many readings: the interval would be shorter than one tick.");
        }

        var lines = (int)Math.Ceiling(devices * ProductionLineShare);
        var options = new SimulationOptions
        {
            ProductionLines = lines,
            TemperatureSensors = 0,
            Boards = 0,
            Gateways = 0,
            Interval = TimeSpan.FromTicks(intervalTicks),
        };
        for (var i = 0; i < devices - lines; i++)
        {
            switch (i % 3)
            {
                case 0:
                    options.TemperatureSensors++;
                    break;
                case 1:
                    options.Boards++;
                    break;
                case 2 when options.Gateways < SimulationOptionsValidator.MaxGateways:
                    options.Gateways++;
                    break;
                default:
                    options.TemperatureSensors++;
                    break;
            }
        }
        return options;
    }

    private static async Task FlushAsync(MemoryStream buffer, Stream output, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        if (buffer.Length == 0)
        {
            return;
        }
        await output.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), ct).ConfigureAwait(false);
        buffer.SetLength(0);
    }
}
