using System.Net;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Actors.Aws.Kinesis.Wire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Actors.Aws.Kinesis;

/// <summary>
/// <see cref="IKinesisClient"/> over the Kinesis JSON 1.1 API (bodies through <see cref="KinesisJsonContext"/>), signed
/// with AWSSDK.Core's SigV4 signer and credentials from its default chain, with retries as <see cref="AwsOptions"/> says.
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
        await SendAsync("CreateStream", new CreateStreamRequest(streamName, shardCount), KinesisJsonContext.Default.CreateStreamRequest, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<StreamSummary> DescribeStreamSummaryAsync(string streamName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamName);
        var answer = await CallAsync(
            "DescribeStreamSummary",
            new DescribeStreamSummaryRequest(streamName),
            KinesisJsonContext.Default.DescribeStreamSummaryRequest,
            KinesisJsonContext.Default.DescribeStreamSummaryResponse,
            cancellationToken).ConfigureAwait(false);
        return answer.StreamDescriptionSummary.ToSummary();
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
            shards.AddRange(page.Shards?.Select(shard => shard.ToShard()) ?? []);
            nextToken = page.NextToken;
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
        if (!Enum.IsDefined(type))
        {
            throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown shard iterator type.");
        }
        if (type is ShardIteratorType.AtSequenceNumber or ShardIteratorType.AfterSequenceNumber && string.IsNullOrEmpty(sequenceNumber))
        {
            throw new ArgumentException($"{type} needs a sequence number.", nameof(sequenceNumber));
        }
        if (type is ShardIteratorType.AtTimestamp && timestamp is null)
        {
            throw new ArgumentException($"{type} needs a timestamp.", nameof(timestamp));
        }
        var request = new GetShardIteratorRequest(
            streamName,
            shardId,
            type,
            type is ShardIteratorType.AtSequenceNumber or ShardIteratorType.AfterSequenceNumber ? sequenceNumber : null,
            type is ShardIteratorType.AtTimestamp ? AsUtc(timestamp!.Value) : null);
        var answer = await CallAsync(
            "GetShardIterator",
            request,
            KinesisJsonContext.Default.GetShardIteratorRequest,
            KinesisJsonContext.Default.GetShardIteratorResponse,
            cancellationToken).ConfigureAwait(false);
        return answer.ShardIterator;
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
        var answer = await CallAsync(
            "GetRecords",
            new GetRecordsRequest(shardIterator, limit),
            KinesisJsonContext.Default.GetRecordsRequest,
            KinesisJsonContext.Default.GetRecordsResponse,
            cancellationToken).ConfigureAwait(false);
        return answer.ToResult();
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
        var answer = await CallAsync(
            "PutRecords",
            new PutRecordsRequest(streamName, entries),
            KinesisJsonContext.Default.PutRecordsRequest,
            KinesisJsonContext.Default.PutRecordsResponse,
            cancellationToken).ConfigureAwait(false);
        var result = answer.ToResult();
        if (result.Records.Count != entries.Count)
        {
            throw Malformed("PutRecords", $"answered {result.Records.Count} results for {entries.Count} entries.");
        }
        return result;
    }

    private async Task<ListShardsResponse> ListShardsPageAsync(string streamName, string? nextToken, int? pageSize, CancellationToken cancellationToken)
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

    private Task<ListShardsResponse> ListShardsCallAsync(string? streamName, string? nextToken, int? pageSize, CancellationToken cancellationToken) =>
        CallAsync(
            "ListShards",
            new ListShardsRequest(streamName, nextToken, pageSize),
            KinesisJsonContext.Default.ListShardsRequest,
            KinesisJsonContext.Default.ListShardsResponse,
            cancellationToken);

    private async Task<TResponse> CallAsync<TRequest, TResponse>(
        string operation,
        TRequest request,
        JsonTypeInfo<TRequest> requestShape,
        JsonTypeInfo<TResponse> responseShape,
        CancellationToken cancellationToken)
    {
        var body = await SendAsync(operation, request, requestShape, cancellationToken).ConfigureAwait(false);
        try
        {
            return JsonSerializer.Deserialize(body.Length == 0 ? "{}"u8 : body, responseShape) ?? throw Malformed(operation, "answered null.");
        }
        catch (JsonException error)
        {
            throw new AwsServiceException("kinesis", AwsErrorCodes.MalformedResponse, $"kinesis {operation} answer does not fit its JSON shape: {error.Message}", error);
        }
    }

    private Task<byte[]> SendAsync<TRequest>(string operation, TRequest request, JsonTypeInfo<TRequest> requestShape, CancellationToken cancellationToken) =>
        _sender.SendAsync(
            new AwsCall(operation, ContentType, JsonSerializer.SerializeToUtf8Bytes(request, requestShape), [new("X-Amz-Target", TargetPrefix + operation)]),
            cancellationToken);

    private static DateTimeOffset AsUtc(DateTime timestamp) =>
        new(timestamp.Kind == DateTimeKind.Local ? timestamp.ToUniversalTime() : DateTime.SpecifyKind(timestamp, DateTimeKind.Utc));

    private static AwsServiceException Malformed(string operation, string problem) =>
        new("kinesis", AwsErrorCodes.MalformedResponse, $"kinesis {operation} {problem}");
}
