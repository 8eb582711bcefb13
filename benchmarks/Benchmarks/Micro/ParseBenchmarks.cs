using Actors.Benchmarks.Configs;
using Actors.Benchmarks.Data;
using Actors.Detection.Parsing;
using BenchmarkDotNet.Attributes;

namespace Actors.Benchmarks.Micro;

/// <summary>
/// <see cref="ReadingParser.Parse(ReadOnlySpan{byte})"/> of one record of each format, with a warm parser (device IDs and metric names
/// already interned, as for any device seen before).
/// </summary>
[Config(typeof(InProcessShortRunConfig))]
[MemoryDiagnoser]
public class ParseBenchmarks
{
    private readonly ReadingParser _parser = new(new ReadingParserOptions());

    [GlobalSetup]
    public void Setup()
    {
        foreach (var record in new[] { SampleRecords.ManufacturingLine, SampleRecords.TemperatureSensor, SampleRecords.Board, SampleRecords.GatewayEnvelope })
        {
            if (!_parser.Parse(record).IsAccepted)
            {
                throw new InvalidOperationException($"Sample record rejected: {System.Text.Encoding.UTF8.GetString(record)}");
            }
        }
    }

    [Benchmark]
    public ParseOutcome ManufacturingLine() => _parser.Parse(SampleRecords.ManufacturingLine);

    [Benchmark]
    public ParseOutcome TemperatureSensor() => _parser.Parse(SampleRecords.TemperatureSensor);

    [Benchmark]
    public ParseOutcome Board() => _parser.Parse(SampleRecords.Board);

    [Benchmark]
    public ParseOutcome GatewayEnvelope() => _parser.Parse(SampleRecords.GatewayEnvelope);
}
