namespace Actors.Aws;

/// <summary>Error codes the project's AWS clients act on, as AWS spells them, plus the clients' own ones.</summary>
public static class AwsErrorCodes
{
    /// <summary>Kinesis and many JSON services: the request rate is too high.</summary>
    public const string ThrottlingException = "ThrottlingException";

    /// <summary>Kinesis: the shard's read or write throughput was exceeded.</summary>
    public const string ProvisionedThroughputExceeded = "ProvisionedThroughputExceededException";

    /// <summary>Kinesis: too many control-plane operations at once.</summary>
    public const string LimitExceeded = "LimitExceededException";

    /// <summary>Query-protocol services (SNS): the request rate is too high.</summary>
    public const string Throttling = "Throttling";

    /// <summary>Query-protocol services: the account's request limit was exceeded.</summary>
    public const string RequestLimitExceeded = "RequestLimitExceeded";

    /// <summary>Kinesis: the shard iterator is older than five minutes; get a new one.</summary>
    public const string ExpiredIterator = "ExpiredIteratorException";

    /// <summary>Kinesis: the stream or shard does not exist.</summary>
    public const string ResourceNotFound = "ResourceNotFoundException";

    /// <summary>SNS: the topic, subscription or endpoint does not exist.</summary>
    public const string NotFound = "NotFound";

    /// <summary>The service could not be reached (connection refused or reset, DNS, timeout) after all retries.</summary>
    public const string TransportError = "TransportError";

    /// <summary>The AWS SDK's credential chain found no usable credentials.</summary>
    public const string CredentialsError = "CredentialsError";

    /// <summary>The service answered, but not in the shape its protocol promises.</summary>
    public const string MalformedResponse = "MalformedResponse";

    /// <summary>Whether <paramref name="errorCode"/> says the caller is being throttled, so a later retry may succeed.</summary>
    /// <param name="errorCode">An AWS error code.</param>
    public static bool IsThrottling(string? errorCode) => errorCode is
        ThrottlingException or ProvisionedThroughputExceeded or LimitExceeded or Throttling or RequestLimitExceeded;
}
