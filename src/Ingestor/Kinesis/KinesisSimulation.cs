using System.Diagnostics;
using Actors.Aws;
using Actors.Aws.Kinesis;
using Actors.Ingestor.Commands;
using Actors.Simulation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Actors.Ingestor.Kinesis;

/// <summary><c>simulate --to kinesis --stream NAME</c>: the simulated fleet writes into a Kinesis stream instead of the grains.</summary>
public static class KinesisSimulation
{
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(2);

    /// <summary>Runs the simulation into <paramref name="streamName"/>; returns the process exit code.</summary>
    public static async Task<int> RunAsync(string? streamName, int? createShards, TimeSpan? duration, double speed, int? seed, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(streamName))
        {
            await Console.Error.WriteLineAsync("error: --to kinesis needs --stream NAME.");
            return ExitCodes.InvalidConfiguration;
        }
        var configuration = IngestorConfiguration.Load();
        var simulation = configuration.GetSection(SimulationOptions.SectionName).Get<SimulationOptions>() ?? new SimulationOptions();
        if (seed is { } s)
        {
            simulation.Seed = s;
        }
        var services = new ServiceCollection();
        services.AddLogging(logging => IngestorConfiguration.ConsoleToStderr(logging, configuration));
        services.AddAwsOptions(configuration);
        services.AddKinesisClient();
        services.AddSingleton<SimulatedRecordPutter>();
        await using var provider = services.BuildServiceProvider();
        try
        {
            _ = provider.GetRequiredService<IOptions<AwsOptions>>().Value;
        }
        catch (OptionsValidationException ex)
        {
            await Console.Error.WriteLineAsync($"error: {string.Join(" ", ex.Failures)}");
            return ExitCodes.InvalidConfiguration;
        }
        var putter = provider.GetRequiredService<SimulatedRecordPutter>();
        var start = DateTime.UtcNow;
        var wall = Stopwatch.StartNew();
        var lastProgress = TimeSpan.Zero;
        (long Records, long Malformed) result = (0, 0);
        try
        {
            if (createShards is { } shards)
            {
                await putter.EnsureStreamAsync(streamName, shards, cancellationToken);
            }
            await Console.Error.WriteLineAsync($"simulate: {simulation.DeviceCount} devices from {start:yyyy-MM-dd HH:mm:ss} UTC at {(speed > 0 ? $"{speed}x" : "full speed")} -> Kinesis stream {streamName}");
            result = await putter.PutAsync(streamName, new ReadingSimulator(simulation).Generate(start, duration ?? TimeSpan.FromDays(3650)), start, speed, (put, eventTime) =>
            {
                if (wall.Elapsed - lastProgress >= ProgressInterval)
                {
                    lastProgress = wall.Elapsed;
                    Console.Error.WriteLine($"simulate {eventTime:yyyy-MM-dd HH:mm:ss}: put {put} records ({put / wall.Elapsed.TotalSeconds:0}/s)");
                }
            }, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("simulate: stopped.");
        }
        catch (AwsServiceException ex)
        {
            await Console.Error.WriteLineAsync($"error: {ex.Message}");
            return ExitCodes.Failure;
        }
        await Console.Error.WriteLineAsync($"simulate: put {result.Records} records ({result.Malformed} malformed on purpose) to {streamName} in {wall.Elapsed.TotalSeconds:0.0} s ({result.Records / wall.Elapsed.TotalSeconds:0} records/s)");
        return ExitCodes.Success;
    }
}
