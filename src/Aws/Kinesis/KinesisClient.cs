using System.Buffers;
using System.Net;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Actors.Aws.Kinesis;

/// <summary>
/// <see cref="IKinesisClient"/> over the Kinesis JSON 1.1 API, signed with AWSSDK.Core's SigV4 signer and
/// credentials from its default chain, with retries as <see cref="AwsOptions"/> says.
/// </summary>
public sealed class KinesisClient : IKinesisClient
{
    private const string TargetPrefix = "Kinesis_20131202.";
    private const string ContentType = "application/x-amz-json-1.1";

    private readonly AwsRequestSender _sender;
    private volatile bool _streamNameWithNextToken;

    /// <summary>Creates a client.</summary>
    /// <param name="httpClient">The HTTP client to send with; the caller owns it.</param>
    /// <param name="options">Endpoint, region and retries.</param>
    /// <param name="logger">Where retries are logged.</param>
    public KinesisClient(HttpClient httpClient, IOptions<AwsOptions> options, ILogger<KinesisClient> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _sender = new AwsRequestSender(
            "kinesis",
            httpClient,
            options.Value,
            AwsJsonErrorReader.Read,
            logger);
    }

    /// <inheritdoc />
    public async Task CreateStreamAsync(string streamName, int shardCount, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamName);
        ArgumentOutOfRangeException.ThrowIfLessThan(shardCount, 1);
        await CallAsync("CreateStream", writer =>
        {
            writer.WriteString("StreamName", streamName);
            writer.WriteNumber("ShardCount", shardCount);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<StreamSummary> DescribeStreamSummaryAsync(string streamName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamName);
        var root = await CallAsync("DescribeStreamSummary", writer => writer.WriteString("StreamName", streamName), cancellationToken).ConfigureAwait(false);
        return KinesisWire.ReadStreamSummary(root);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Shard>> ListShardsAsync(string streamName, int? pageSize = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamName);
        if (pageSize is not null)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(pageSize.Value, 1);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize.Value, KinesisLimits.MaxGetRecordsLimit);
        }
        var shards = new List<Shard>();
        string? nextToken = null;
        do
        {
            var page = await ListShardsPageAsync(streamName, nextToken, pageSize, cancellationToken).ConfigureAwait(false);
            shards.AddRange(KinesisWire.Array(page, "Shards").Select(KinesisWire.ReadShard));
            nextToken = KinesisWire.OptionalString(page, "NextToken");
        }
        while (!string.IsNullOrEmpty(nextToken));
        return shards;
    }

    /// <inheritdoc />
    public async Task<string> GetShardIteratorAsync(
        string streamName,
        string shardId,
        ShardIteratorType type,
        string? sequenceNumber = null,
        DateTime? timestamp = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamName);
        ArgumentException.ThrowIfNullOrEmpty(shardId);
        var wireType = KinesisWire.IteratorType(type);
        if (type is ShardIteratorType.AtSequenceNumber or ShardIteratorType.AfterSequenceNumber && string.IsNullOrEmpty(sequenceNumber))
        {
            throw new ArgumentException($"{type} needs a sequence number.", nameof(sequenceNumber));
        }
        if (type is ShardIteratorType.AtTimestamp && timestamp is null)
        {
            throw new ArgumentException($"{type} needs a timestamp.", nameof(timestamp));
        }
        var root = await CallAsync("GetShardIterator", writer =>
        {
            writer.WriteString("StreamName", streamName);
            writer.WriteString("ShardId", shardId);
            writer.WriteString("ShardIteratorType", wireType);
            if (type is ShardIteratorType.AtSequenceNumber or ShardIteratorType.AfterSequenceNumber)
            {
                writer.WriteString("StartingSequenceNumber", sequenceNumber);
            }
            if (type is ShardIteratorType.AtTimestamp)
            {
                writer.WriteNumber("Timestamp", KinesisWire.EpochSeconds(timestamp!.Value));
            }
        }, cancellationToken).ConfigureAwait(false);
        return KinesisWire.RequiredString(root, "ShardIterator", "GetShardIterator");
    }

    /// <inheritdoc />
    public async Task<GetRecordsResult> GetRecordsAsync(string shardIterator, int? limit = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(shardIterator);
        if (limit is not null)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(limit.Value, 1);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(limit.Value, KinesisLimits.MaxGetRecordsLimit);
        }
        var root = await CallAsync("GetRecords", writer =>
        {
            writer.WriteString("ShardIterator", shardIterator);
            if (limit is not null)
            {
                writer.WriteNumber("Limit", limit.Value);
            }
        }, cancellationToken).ConfigureAwait(false);
        return KinesisWire.ReadRecords(root);
    }

    /// <inheritdoc />
    public async Task<PutRecordsResult> PutRecordsAsync(string streamName, IReadOnlyList<PutRecordsEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamName);
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count is 0 or > KinesisLimits.MaxRecordsPerPut)
        {
            throw new ArgumentException($"PutRecords takes 1 to {KinesisLimits.MaxRecordsPerPut} entries (got {entries.Count}).", nameof(entries));
        }
        var totalBytes = 0L;
        for (var index = 0; index < entries.Count; index++)
        {
            totalBytes += KinesisPutter.CheckEntry(entries[index], index, nameof(entries));
        }
        if (totalBytes > KinesisLimits.MaxBytesPerPut)
        {
            throw new ArgumentException($"PutRecords takes at most {KinesisLimits.MaxBytesPerPut} bytes of data and partition keys (got {totalBytes}).", nameof(entries));
        }
        var root = await CallAsync("PutRecords", writer =>
        {
            writer.WriteString("StreamName", streamName);
            writer.WriteStartArray("Records");
            foreach (var entry in entries)
            {
                writer.WriteStartObject();
                writer.WriteBase64String("Data", entry.Data.Span);
                writer.WriteString("PartitionKey", entry.PartitionKey);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        }, cancellationToken).ConfigureAwait(false);
        return KinesisWire.ReadPutRecords(root, entries.Count);
    }

    private async Task<JsonElement> ListShardsPageAsync(string streamName, string? nextToken, int? pageSize, CancellationToken cancellationToken)
    {
        if (nextToken is null || _streamNameWithNextToken)
        {
            return await ListShardsCallAsync(streamName, nextToken, pageSize, cancellationToken).ConfigureAwait(false);
        }
        try
        {
            return await ListShardsCallAsync(null, nextToken, pageSize, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException tokenOnlyError) when (tokenOnlyError.StatusCode == HttpStatusCode.BadRequest)
        {
            // AWS identifies the stream by the token alone and rejects a StreamName beside it; some local
            // emulators (moto) need the name with the token. Try that once, and keep to it if it works.
            try
            {
                var page = await ListShardsCallAsync(streamName, nextToken, pageSize, cancellationToken).ConfigureAwait(false);
                _streamNameWithNextToken = true;
                return page;
            }
            catch (AwsServiceException)
            {
                ExceptionDispatchInfo.Throw(tokenOnlyError);
                throw;
            }
        }
    }

    private Task<JsonElement> ListShardsCallAsync(string? streamName, string? nextToken, int? pageSize, CancellationToken cancellationToken) =>
        CallAsync("ListShards", writer =>
        {
            if (streamName is not null)
            {
                writer.WriteString("StreamName", streamName);
            }
            if (nextToken is not null)
            {
                writer.WriteString("NextToken", nextToken);
            }
            if (pageSize is not null)
            {
                writer.WriteNumber("MaxResults", pageSize.Value);
            }
        }, cancellationToken);

    private async Task<JsonElement> CallAsync(string operation, Action<Utf8JsonWriter> writeMembers, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writeMembers(writer);
            writer.WriteEndObject();
        }
        var call = new AwsCall(operation, ContentType, buffer.WrittenSpan.ToArray(), [new("X-Amz-Target", TargetPrefix + operation)]);
        var body = await _sender.SendAsync(call, cancellationToken).ConfigureAwait(false);
        if (body.Length == 0)
        {
            body = "{}"u8.ToArray();
        }
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.Clone();
        }
        catch (JsonException error)
        {
            throw new AwsServiceException("kinesis", AwsErrorCodes.MalformedResponse, $"kinesis {operation} answered with a body that is not JSON: {error.Message}", error);
        }
    }
}
