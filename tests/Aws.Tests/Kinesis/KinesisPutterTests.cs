using Actors.Aws.Kinesis;
using Xunit;

namespace Actors.Aws.Tests.Kinesis;

public sealed class KinesisPutterTests
{
    private static List<PutRecordsEntry> Entries(int count, int dataBytes = 1) =>
        Enumerable.Range(0, count).Select(index => new PutRecordsEntry(Payload(index, dataBytes), $"k{index % 10}")).ToList();

    private static byte[] Payload(int index, int size)
    {
        var data = new byte[Math.Max(size, 4)];
        BitConverter.TryWriteBytes(data, index);
        return data;
    }

    private static int IndexOf(PutRecordsEntry entry) => BitConverter.ToInt32(entry.Data.Span);

    [Fact]
    public async Task Only_the_failed_entries_are_sent_again_and_every_result_lands_in_input_order()
    {
        var client = new FakeKinesisClient((call, entry) => call == 0 && IndexOf(entry) % 3 == 0);
        var entries = Entries(30);

        var results = await TestClients.Putter(client).PutAllAsync("s", entries);

        Assert.Equal(2, client.Batches.Count);
        Assert.Equal(30, client.Batches[0].Count);
        Assert.Equal(Enumerable.Range(0, 30).Where(index => index % 3 == 0), client.Batches[1].Select(IndexOf));
        Assert.All(results, result => Assert.True(result.Succeeded));
        Assert.Equal(30, results.Select(result => result.SequenceNumber).Distinct().Count());
        Assert.True(long.Parse(results[0].SequenceNumber!) > long.Parse(results[1].SequenceNumber!), "entry 0 was written on the second attempt");
    }

    [Fact]
    public async Task Entries_still_failing_after_MaxRetries_are_reported_as_lost_with_the_batches_not_sent()
    {
        var client = new FakeKinesisClient((_, entry) => IndexOf(entry) is 7 or 8);
        var entries = Entries(1200);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => TestClients.Putter(client, maxRetries: 2).PutAllAsync("s", entries));

        Assert.Equal(AwsErrorCodes.ProvisionedThroughputExceeded, error.ErrorCode);
        Assert.True(error.IsThrottling);
        Assert.Contains("702 of 1200 records were not written", error.Message);
        Assert.Contains("2 still failed after 3 attempt(s)", error.Message);
        Assert.Equal([500, 2, 2], client.Batches.Select(batch => batch.Count));
    }

    [Fact]
    public async Task Batches_hold_at_most_500_entries()
    {
        var client = new FakeKinesisClient((_, _) => false);

        await TestClients.Putter(client).PutAllAsync("s", Entries(1200));

        Assert.Equal([500, 500, 200], client.Batches.Select(batch => batch.Count));
        Assert.Equal(Enumerable.Range(0, 1200), client.Batches.SelectMany(batch => batch).Select(IndexOf));
    }

    [Fact]
    public async Task Batches_hold_at_most_5_MiB_of_data_and_keys()
    {
        var client = new FakeKinesisClient((_, _) => false);
        var entries = Entries(11, dataBytes: 1_000_000);

        await TestClients.Putter(client).PutAllAsync("s", entries);

        Assert.Equal([5, 5, 1], client.Batches.Select(batch => batch.Count));
        Assert.All(client.Batches, batch => Assert.True(batch.Sum(KinesisLimits.SizeOf) <= KinesisLimits.MaxBytesPerPut));
    }

    [Fact]
    public async Task An_oversized_entry_is_refused_before_anything_is_sent()
    {
        var client = new FakeKinesisClient((_, _) => false);
        var entries = Entries(3);
        entries.Add(new PutRecordsEntry(new byte[KinesisLimits.MaxRecordBytes], "key"));

        var error = await Assert.ThrowsAsync<ArgumentException>(() => TestClients.Putter(client).PutAllAsync("s", entries));

        Assert.Contains("Entry 3", error.Message);
        Assert.Empty(client.Batches);
    }

    [Fact]
    public async Task No_retries_configured_means_one_attempt()
    {
        var client = new FakeKinesisClient((_, entry) => IndexOf(entry) == 0);

        await Assert.ThrowsAsync<AwsServiceException>(() => TestClients.Putter(client, maxRetries: 0).PutAllAsync("s", Entries(3)));

        Assert.Single(client.Batches);
    }
}
