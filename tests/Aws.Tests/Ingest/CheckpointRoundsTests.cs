using Actors.Detection.Parsing;
using Actors.Ingestor.Kinesis;
using Actors.Ingestor.Pipeline;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Actors.Aws.Tests.Ingest;

/// <summary>
/// When the shard readers of one worker checkpoint together: every interval each owes one checkpoint, a round waits for
/// all that owe one (or the grace), a reader that missed a round still owes its checkpoint, and a stopping worker's
/// readers stop in one round. The readers' pipelines have nothing to write, so a round's checkpoint calls no grain.
/// </summary>
public sealed class CheckpointRoundsTests(IngestClusterFixture cluster) : IClassFixture<IngestClusterFixture>
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_reader_that_missed_a_round_still_owes_its_checkpoint_and_takes_it_in_a_round_of_its_own()
    {
        var rounds = new CheckpointRounds(new CheckpointOptions { Interval = TimeSpan.FromMinutes(1) }, Grace, _time);
        var (a, b, c) = (Reader("a"), Reader("b"), Reader("c"));
        rounds.Register(a);
        rounds.Register(b);
        rounds.Register(c);
        Assert.False(rounds.Due(a));

        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.True(rounds.Due(a) && rounds.Due(b) && rounds.Due(c));
        var first = rounds.JoinAsync(a, last: false);
        var second = rounds.JoinAsync(b, last: false);
        Assert.False(first.IsCompleted || second.IsCompleted, "the round waits for c, which owes a checkpoint too");

        _time.Advance(Grace);
        Assert.False((await first.WaitAsync(Deadline)).Behind);
        Assert.False((await second.WaitAsync(Deadline)).Behind);
        Assert.False(rounds.Due(a) || rounds.Due(b));
        Assert.True(rounds.Due(c));

        await rounds.JoinAsync(c, last: false).WaitAsync(Deadline);
        Assert.False(rounds.Due(a) || rounds.Due(b) || rounds.Due(c));
    }

    [Fact]
    public async Task The_readers_of_a_stopping_worker_stop_in_one_round_and_one_that_stopped_with_nothing_to_write_is_not_waited_for()
    {
        var rounds = new CheckpointRounds(new CheckpointOptions { Interval = TimeSpan.FromHours(1) }, Grace, _time);
        var (a, b, c) = (Reader("a"), Reader("b"), Reader("c"));
        rounds.Register(a);
        rounds.Register(b);
        rounds.Register(c);

        rounds.AllDue();
        var first = rounds.JoinAsync(a, last: true);
        var second = rounds.JoinAsync(b, last: true);
        Assert.False(first.IsCompleted || second.IsCompleted, "the round waits for c");
        rounds.Unregister(c);

        await Task.WhenAll(first, second).WaitAsync(Deadline);
    }

    [Fact]
    public void By_record_count_the_readers_owe_a_checkpoint_once_they_have_read_that_many_each_on_average()
    {
        var rounds = new CheckpointRounds(new CheckpointOptions { Interval = TimeSpan.FromHours(1), Records = 100 }, Grace, _time);
        var (a, b) = (Reader("a"), Reader("b"));
        rounds.Register(a);
        rounds.Register(b);

        rounds.Read(150);
        Assert.False(rounds.Due(a));
        rounds.Read(50);
        Assert.True(rounds.Due(a) && rounds.Due(b));
    }

    private IngestPipeline Reader(string shard) => new(
        cluster.Grains, new ReadingParser(new ReadingParserOptions()), new RejectionLog(NullLogger<RejectionLog>.Instance), batchSize: 10,
        new CheckpointOptions(), _time, source: $"rounds/{shard}");
}
