using Actors.Detection.Parsing;
using Actors.TestSupport;
using CsCheck;
using Xunit;

namespace Actors.Detection.Tests.Parsing;

/// <summary>
/// Property-based fuzzing of the reader and the parser: any input, valid or not, never throws, yields one outcome per
/// line, and every accepted reading satisfies the edge validation.
/// </summary>
public sealed class ParserPropertyTests
{
    private static readonly ReadingParserOptions Options = new() { MaxRecordBytes = 400 };
    private static readonly ReadingParser Parser = new(Options);

    [Fact]
    public async Task Any_input_gives_one_outcome_per_line_and_only_valid_readings()
    {
        await RecordGen.Input("", maxLines: 40).SampleAsync(async sample =>
        {
            var (input, lines) = sample;
            var outcomes = await ReadAsync(input);

            Assert.Equal(lines, outcomes.Count);
            foreach (var outcome in outcomes)
            {
                if (outcome.Reading is { } reading)
                {
                    Assert.InRange(reading.DeviceId.Length, 1, Options.MaxIdentityLength);
                    Assert.False(reading.DeviceId.Any(char.IsControl), "device ID with a control character");
                    Assert.True(reading.ProductId is null || (reading.ProductId.Length <= Options.MaxIdentityLength && !reading.ProductId.Any(char.IsControl)));
                    Assert.InRange(reading.Timestamp, Options.EarliestEventTime, DateTime.UtcNow + Options.MaxFutureSkew!.Value);
                    Assert.NotEmpty(reading.Metrics);
                    Assert.All(reading.Metrics, metric => Assert.True(double.IsFinite(metric.Value)));
                }
                else
                {
                    Assert.NotEqual(RejectReason.None, outcome.Reason);
                    Assert.False(string.IsNullOrEmpty(outcome.Detail));
                }
            }
        }, iter: 300);
    }

    [Fact]
    public async Task Generated_inputs_exercise_acceptance_and_every_edge_rejection()
    {
        var reasons = new HashSet<RejectReason>();
        await RecordGen.Input("", maxLines: 40).SampleAsync(async sample =>
        {
            var outcomes = await ReadAsync(sample.Input);
            lock (reasons)
            {
                reasons.UnionWith(outcomes.Select(outcome => outcome.Reason));
            }
        }, iter: 300);

        Assert.Superset(
            new HashSet<RejectReason> { RejectReason.None, RejectReason.MalformedJson, RejectReason.InvalidIdentity, RejectReason.ImplausibleTimestamp, RejectReason.RecordTooLarge, RejectReason.MissingDeviceId },
            reasons);
    }

    private static async Task<List<ParseOutcome>> ReadAsync(byte[] input)
    {
        var outcomes = new List<ParseOutcome>();
        await foreach (var line in NdjsonReader.ReadAsync(new MemoryStream(input), Options.MaxRecordBytes))
        {
            outcomes.Add(Parser.Parse(line));
        }
        return outcomes;
    }
}
