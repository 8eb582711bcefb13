using System.Diagnostics;
using Amazon;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Extensions.NETCore.Setup;
using Amazon.Runtime;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Configuration;
using Orleans.Runtime;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace Actors.Persistence.DynamoDB;

/// <summary>
/// Grain storage in one DynamoDB table: one item per grain state, keyed by
/// <c>{ServiceId}/{stateName}/{grainId}</c>, with the serialized state in a binary attribute and a string ETag
/// that every write and clear checks (optimistic concurrency). Every write request is counted in DynamoDB's billing
/// terms by the silo's <see cref="DynamoDBWriteMeter"/>.
/// </summary>
public sealed partial class DynamoDBGrainStorage : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    /// <summary>The table's partition key attribute (string).</summary>
    public const string PartitionKeyAttribute = "PK";

    /// <summary>The attribute holding the serialized state (binary); absent on a cleared item.</summary>
    public const string StateAttribute = "State";

    /// <summary>The attribute holding the item's ETag (string, a new one on every write).</summary>
    public const string ETagAttribute = "ETag";

    /// <summary>The attribute holding the state's name, for people and tools that read the table.</summary>
    public const string StateNameAttribute = "StateName";

    /// <summary>The attribute holding the grain's ID, for people and tools that read the table.</summary>
    public const string GrainIdAttribute = "GrainId";

    /// <summary>DynamoDB's limit on the size of one item, in bytes (400 KB).</summary>
    public const int MaxItemSize = 400 * 1024;

    private const string NoETag = "(none)";
    private const string KeyName = "#pk";
    private const string ETagName = "#etag";
    private const string ExpectedETagValue = ":expected";

    private static readonly TimeSpan TableActivePollInterval = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan TableActiveTimeout = TimeSpan.FromMinutes(5);

    private readonly string _name;
    private readonly DynamoDBGrainStorageOptions _options;
    private readonly IGrainStorageSerializer _serializer;
    private readonly IActivatorProvider _activatorProvider;
    private readonly string _serviceId;
    private readonly ILogger _logger;
    private readonly DynamoDBWriteMeter _writes;
    private readonly bool _ownsClient;
    private readonly AWSOptions? _aws;
    private IAmazonDynamoDB? _client;

    /// <summary>Creates the provider called <paramref name="name"/>; it connects when the silo starts.</summary>
    /// <param name="name">The provider's name.</param>
    /// <param name="options">The provider's options.</param>
    /// <param name="grainStorageSerializer">The silo's serializer, used unless the options name another.</param>
    /// <param name="clusterOptions">The cluster's options, whose service ID prefixes every key.</param>
    /// <param name="activatorProvider">Creates the empty state of a grain that has none stored.</param>
    /// <param name="writes">Counts the write requests and their write request units.</param>
    /// <param name="logger">The logger.</param>
    /// <param name="aws">The process's AWS set-up, whose region and endpoint override apply unless <paramref name="options"/> set their own.</param>
    public DynamoDBGrainStorage(
        string name,
        DynamoDBGrainStorageOptions options,
        IGrainStorageSerializer grainStorageSerializer,
        IOptions<ClusterOptions> clusterOptions,
        IActivatorProvider activatorProvider,
        DynamoDBWriteMeter writes,
        ILogger<DynamoDBGrainStorage> logger,
        AWSOptions? aws = null)
        : this(name, options, grainStorageSerializer, clusterOptions, activatorProvider, writes, logger, client: null)
    {
        _aws = aws;
    }

    internal DynamoDBGrainStorage(
        string name,
        DynamoDBGrainStorageOptions options,
        IGrainStorageSerializer grainStorageSerializer,
        IOptions<ClusterOptions> clusterOptions,
        IActivatorProvider activatorProvider,
        DynamoDBWriteMeter writes,
        ILogger<DynamoDBGrainStorage> logger,
        IAmazonDynamoDB? client)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(grainStorageSerializer);
        ArgumentNullException.ThrowIfNull(clusterOptions);
        ArgumentNullException.ThrowIfNull(activatorProvider);
        ArgumentNullException.ThrowIfNull(writes);
        ArgumentNullException.ThrowIfNull(logger);
        _name = name;
        _options = options;
        _serializer = options.GrainStorageSerializer ?? grainStorageSerializer;
        _activatorProvider = activatorProvider;
        _serviceId = clusterOptions.Value.ServiceId;
        _logger = logger;
        _writes = writes;
        _client = client;
        _ownsClient = client is null;
    }

    private IAmazonDynamoDB Client =>
        _client ?? throw new InvalidOperationException($"DynamoDB grain storage '{_name}' is used before the silo started it.");

    /// <inheritdoc />
    public void Participate(ISiloLifecycle lifecycle)
    {
        ArgumentNullException.ThrowIfNull(lifecycle);
        lifecycle.Subscribe(OptionFormattingUtilities.Name<DynamoDBGrainStorage>(_name), _options.InitStage, InitializeAsync, CloseAsync);
    }

    /// <inheritdoc />
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ReadStateAsync(stateName, grainId, grainState, CancellationToken.None);

    /// <inheritdoc />
    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var key = PartitionKey(stateName, grainId);
        GetItemResponse response;
        try
        {
            response = await Client.GetItemAsync(new GetItemRequest
            {
                TableName = _options.TableName,
                Key = KeyOf(key),
                ConsistentRead = true,
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (IsAwsError(exception))
        {
            throw ServiceError("read", stateName, grainId, exception);
        }

        var item = response.Item;
        if (item is null || item.Count == 0)
        {
            grainState.State = CreateEmptyState<T>();
            grainState.ETag = null;
            grainState.RecordExists = false;
            return;
        }

        grainState.ETag = item.TryGetValue(ETagAttribute, out var etag) ? etag.S : null;
        if (item.TryGetValue(StateAttribute, out var state) && state.B is { } bytes)
        {
            grainState.State = Deserialize<T>(bytes, stateName, grainId);
            grainState.RecordExists = true;
        }
        else
        {
            grainState.State = CreateEmptyState<T>();
            grainState.RecordExists = false;
        }
    }

    /// <inheritdoc />
    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        WriteStateAsync(stateName, grainId, grainState, CancellationToken.None);

    /// <inheritdoc />
    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var key = PartitionKey(stateName, grainId);
        var newETag = NewETag();
        var payload = _serializer.Serialize(grainState.State).ToArray();
        var item = ItemOf(key, stateName, grainId, newETag, payload);
        var size = DynamoDBItemSize.Of(item);
        if (size > MaxItemSize)
        {
            LogStateTooLarge(_logger, _name, stateName, grainId, size, MaxItemSize);
            throw new GrainStateTooLargeException(stateName, grainId.ToString(), size, MaxItemSize);
        }

        await PutConditionallyAsync("write", item, size, stateName, grainId, grainState.ETag, cancellationToken).ConfigureAwait(false);
        grainState.ETag = newETag;
        grainState.RecordExists = true;
    }

    /// <inheritdoc />
    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ClearStateAsync(stateName, grainId, grainState, CancellationToken.None);

    /// <inheritdoc />
    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var key = PartitionKey(stateName, grainId);
        if (_options.DeleteStateOnClear)
        {
            await DeleteConditionallyAsync(key, stateName, grainId, grainState.ETag, cancellationToken).ConfigureAwait(false);
            grainState.ETag = null;
        }
        else
        {
            var newETag = NewETag();
            var item = ItemOf(key, stateName, grainId, newETag, payload: null);
            await PutConditionallyAsync("clear", item, DynamoDBItemSize.Of(item), stateName, grainId, grainState.ETag, cancellationToken).ConfigureAwait(false);
            grainState.ETag = newETag;
        }

        grainState.State = CreateEmptyState<T>();
        grainState.RecordExists = false;
    }

    /// <summary>Connects to DynamoDB and makes sure the table exists, is ACTIVE and has the expected key.</summary>
    internal async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        _client ??= CreateClient(_options, _aws);
        LogInitializing(_logger, _name, _options.TableName, _client.Config.ServiceURL ?? "AWS", _client.Config.AuthenticationRegion ?? _client.Config.RegionEndpoint?.SystemName, _serviceId);
        try
        {
            var table = await DescribeTableAsync(cancellationToken).ConfigureAwait(false);
            if (table is null)
            {
                if (!_options.CreateIfNotExists)
                {
                    throw new DynamoDBStorageException(
                        $"DynamoDB table '{_options.TableName}' of grain storage '{_name}' does not exist and {nameof(DynamoDBGrainStorageOptions.CreateIfNotExists)} is false.");
                }

                await CreateTableAsync(cancellationToken).ConfigureAwait(false);
            }

            if (table?.TableStatus != TableStatus.ACTIVE)
            {
                table = await WaitUntilActiveAsync(cancellationToken).ConfigureAwait(false);
            }

            EnsureKeySchema(table);
            LogInitialized(_logger, _name, _options.TableName, stopwatch.ElapsedMilliseconds);
        }
        catch (Exception exception) when (IsAwsError(exception))
        {
            LogInitializationFailed(_logger, exception, _name, _options.TableName);
            throw new DynamoDBStorageException(
                $"DynamoDB grain storage '{_name}' could not prepare table '{_options.TableName}': {exception.Message}", exception);
        }
    }

    private static bool IsAwsError(Exception exception) => exception is AmazonServiceException or AmazonClientException or HttpRequestException;

    private static AmazonDynamoDBClient CreateClient(DynamoDBGrainStorageOptions options, AWSOptions? aws)
    {
        var config = options.CreateClientConfig(aws);
        config.RetryMode = RequestRetryMode.Standard;
        config.MaxErrorRetry = options.MaxErrorRetry;
        return new AmazonDynamoDBClient(config);
    }

    private static int SizeOf(Dictionary<string, AttributeValue>? item) => item is null ? 0 : DynamoDBItemSize.Of(item);

    private static string NewETag() => Guid.NewGuid().ToString("N");

    private static Dictionary<string, AttributeValue> KeyOf(string key) =>
        new() { [PartitionKeyAttribute] = new AttributeValue { S = key } };

    private static Dictionary<string, AttributeValue> ItemOf(string key, string stateName, GrainId grainId, string etag, byte[]? payload)
    {
        var item = new Dictionary<string, AttributeValue>
        {
            [PartitionKeyAttribute] = new() { S = key },
            [ETagAttribute] = new() { S = etag },
            [StateNameAttribute] = new() { S = stateName },
            [GrainIdAttribute] = new() { S = grainId.ToString() },
        };
        if (payload is not null)
        {
            item[StateAttribute] = new() { B = new MemoryStream(payload) };
        }

        return item;
    }

    private static (string Expression, Dictionary<string, string> Names, Dictionary<string, AttributeValue>? Values) ConditionOn(string? expectedETag) =>
        expectedETag is null
            ? ($"attribute_not_exists({KeyName})", new() { [KeyName] = PartitionKeyAttribute }, null)
            : ($"{ETagName} = {ExpectedETagValue}",
                new() { [ETagName] = ETagAttribute },
                new() { [ExpectedETagValue] = new AttributeValue { S = expectedETag } });

    private string PartitionKey(string stateName, GrainId grainId) => $"{_serviceId}/{stateName}/{grainId}";

    private T CreateEmptyState<T>() => _activatorProvider.GetActivator<T>().Create()!;

    private T Deserialize<T>(MemoryStream bytes, string stateName, GrainId grainId)
    {
        try
        {
            return _serializer.Deserialize<T>(new BinaryData(bytes.ToArray())) ?? CreateEmptyState<T>();
        }
        catch (Exception exception)
        {
            LogDeserializationFailed(_logger, exception, _name, stateName, grainId);
            throw new DynamoDBStorageException(
                $"DynamoDB grain storage '{_name}' could not deserialize state '{stateName}' of grain {grainId} as {typeof(T)}: {exception.Message}", exception);
        }
    }

    /// <remarks>
    /// The old item comes back (<c>ALL_OLD</c>, free of read units) because DynamoDB bills a put by the larger of the
    /// old and the new item.
    /// </remarks>
    private async Task PutConditionallyAsync(
        string operation, Dictionary<string, AttributeValue> item, int itemSize, string stateName, GrainId grainId, string? expectedETag, CancellationToken cancellationToken)
    {
        var (expression, names, values) = ConditionOn(expectedETag);
        try
        {
            var response = await Client.PutItemAsync(new PutItemRequest
            {
                TableName = _options.TableName,
                Item = item,
                ConditionExpression = expression,
                ExpressionAttributeNames = names,
                ExpressionAttributeValues = values,
                ReturnValues = ReturnValue.ALL_OLD,
                ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
            }, cancellationToken).ConfigureAwait(false);
            _writes.Count(grainId.Type.ToString(), "put", Math.Max(itemSize, SizeOf(response.Attributes)));
        }
        catch (ConditionalCheckFailedException exception)
        {
            _writes.Count(grainId.Type.ToString(), "put", Math.Max(itemSize, SizeOf(exception.Item)));
            throw Conflict(operation, stateName, grainId, expectedETag, exception);
        }
        catch (Exception exception) when (IsAwsError(exception))
        {
            throw ServiceError(operation, stateName, grainId, exception);
        }
    }

    private async Task DeleteConditionallyAsync(string key, string stateName, GrainId grainId, string? expectedETag, CancellationToken cancellationToken)
    {
        var (expression, names, values) = ConditionOn(expectedETag);
        try
        {
            var response = await Client.DeleteItemAsync(new DeleteItemRequest
            {
                TableName = _options.TableName,
                Key = KeyOf(key),
                ConditionExpression = expression,
                ExpressionAttributeNames = names,
                ExpressionAttributeValues = values,
                ReturnValues = ReturnValue.ALL_OLD,
                ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
            }, cancellationToken).ConfigureAwait(false);
            _writes.Count(grainId.Type.ToString(), "delete", SizeOf(response.Attributes));
        }
        catch (ConditionalCheckFailedException exception)
        {
            _writes.Count(grainId.Type.ToString(), "delete", SizeOf(exception.Item));
            throw Conflict("clear", stateName, grainId, expectedETag, exception);
        }
        catch (Exception exception) when (IsAwsError(exception))
        {
            throw ServiceError("clear", stateName, grainId, exception);
        }
    }

    private InconsistentStateException Conflict(string operation, string stateName, GrainId grainId, string? expectedETag, ConditionalCheckFailedException exception)
    {
        var storedETag = exception.Item is { Count: > 0 } stored
            ? stored.TryGetValue(ETagAttribute, out var etag) ? etag.S ?? NoETag : NoETag
            : NoETag;
        var currentETag = expectedETag ?? NoETag;
        LogConflict(_logger, _name, operation, stateName, grainId, storedETag, currentETag);
        return new InconsistentStateException(
            $"Version conflict on {operation} of state '{stateName}' of grain {grainId} in DynamoDB table '{_options.TableName}' (storage '{_name}'): stored ETag {storedETag}, grain's ETag {currentETag}.",
            storedETag,
            currentETag,
            exception);
    }

    private DynamoDBStorageException ServiceError(string operation, string stateName, GrainId grainId, Exception exception)
    {
        LogServiceError(_logger, exception, _name, operation, stateName, grainId, _options.TableName);
        return new DynamoDBStorageException(
            $"DynamoDB grain storage '{_name}' failed to {operation} state '{stateName}' of grain {grainId} in table '{_options.TableName}': {exception.Message}",
            exception);
    }

    private async Task<TableDescription?> DescribeTableAsync(CancellationToken cancellationToken)
    {
        try
        {
            var response = await Client.DescribeTableAsync(new DescribeTableRequest { TableName = _options.TableName }, cancellationToken).ConfigureAwait(false);
            return response.Table;
        }
        catch (ResourceNotFoundException)
        {
            return null;
        }
    }

    private async Task CreateTableAsync(CancellationToken cancellationToken)
    {
        LogCreatingTable(_logger, _name, _options.TableName);
        try
        {
            await Client.CreateTableAsync(new CreateTableRequest
            {
                TableName = _options.TableName,
                BillingMode = BillingMode.PAY_PER_REQUEST,
                KeySchema = [new KeySchemaElement { AttributeName = PartitionKeyAttribute, KeyType = KeyType.HASH }],
                AttributeDefinitions = [new AttributeDefinition { AttributeName = PartitionKeyAttribute, AttributeType = ScalarAttributeType.S }],
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (ResourceInUseException)
        {
            LogTableCreatedElsewhere(_logger, _name, _options.TableName);
        }
    }

    private async Task<TableDescription> WaitUntilActiveAsync(CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var table = await DescribeTableAsync(cancellationToken).ConfigureAwait(false);
            if (table?.TableStatus == TableStatus.ACTIVE)
            {
                return table;
            }

            if (deadline.Elapsed > TableActiveTimeout)
            {
                throw new DynamoDBStorageException(
                    $"DynamoDB table '{_options.TableName}' of grain storage '{_name}' is not ACTIVE after {TableActiveTimeout.TotalMinutes} minutes (status {table?.TableStatus?.Value ?? "missing"}).");
            }

            await Task.Delay(TableActivePollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    private void EnsureKeySchema(TableDescription table)
    {
        var keySchema = table.KeySchema ?? [];
        var isExpected = keySchema.Count == 1
            && keySchema[0].AttributeName == PartitionKeyAttribute
            && keySchema[0].KeyType == KeyType.HASH
            && (table.AttributeDefinitions ?? []).Any(a => a.AttributeName == PartitionKeyAttribute && a.AttributeType == ScalarAttributeType.S);
        if (!isExpected)
        {
            var actual = string.Join(", ", keySchema.Select(k => $"{k.AttributeName} {k.KeyType}"));
            throw new DynamoDBStorageException(
                $"DynamoDB table '{_options.TableName}' of grain storage '{_name}' has key schema [{actual}]; expected a single string hash key '{PartitionKeyAttribute}'.");
        }
    }

    private Task CloseAsync(CancellationToken cancellationToken)
    {
        if (_ownsClient)
        {
            _client?.Dispose();
            _client = null;
        }

        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "DynamoDB grain storage {Name} is initializing: table {TableName}, endpoint {Endpoint}, region {Region}, service {ServiceId}")]
    private static partial void LogInitializing(ILogger logger, string name, string tableName, string endpoint, string? region, string serviceId);

    [LoggerMessage(Level = LogLevel.Information, Message = "DynamoDB grain storage {Name} is ready on table {TableName} after {ElapsedMilliseconds} ms")]
    private static partial void LogInitialized(ILogger logger, string name, string tableName, long elapsedMilliseconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "DynamoDB grain storage {Name} could not prepare table {TableName}")]
    private static partial void LogInitializationFailed(ILogger logger, Exception exception, string name, string tableName);

    [LoggerMessage(Level = LogLevel.Information, Message = "DynamoDB grain storage {Name} is creating table {TableName} (PAY_PER_REQUEST)")]
    private static partial void LogCreatingTable(ILogger logger, string name, string tableName);

    [LoggerMessage(Level = LogLevel.Information, Message = "DynamoDB grain storage {Name}: table {TableName} is being created by another silo")]
    private static partial void LogTableCreatedElsewhere(ILogger logger, string name, string tableName);

    [LoggerMessage(Level = LogLevel.Warning, Message = "DynamoDB grain storage {Name}: version conflict on {Operation} of state {StateName} of grain {GrainId}: stored ETag {StoredETag}, grain's ETag {CurrentETag}")]
    private static partial void LogConflict(ILogger logger, string name, string operation, string stateName, GrainId grainId, string storedETag, string currentETag);

    [LoggerMessage(Level = LogLevel.Error, Message = "DynamoDB grain storage {Name} refused state {StateName} of grain {GrainId}: item of {ItemSize} bytes exceeds {MaxItemSize} bytes")]
    private static partial void LogStateTooLarge(ILogger logger, string name, string stateName, GrainId grainId, int itemSize, int maxItemSize);

    [LoggerMessage(Level = LogLevel.Error, Message = "DynamoDB grain storage {Name} could not deserialize state {StateName} of grain {GrainId}")]
    private static partial void LogDeserializationFailed(ILogger logger, Exception exception, string name, string stateName, GrainId grainId);

    [LoggerMessage(Level = LogLevel.Error, Message = "DynamoDB grain storage {Name} failed to {Operation} state {StateName} of grain {GrainId} in table {TableName}")]
    private static partial void LogServiceError(ILogger logger, Exception exception, string name, string operation, string stateName, GrainId grainId, string tableName);
}
