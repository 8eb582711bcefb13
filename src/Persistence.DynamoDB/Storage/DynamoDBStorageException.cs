using Orleans;

namespace Actors.Persistence.DynamoDB;

/// <summary>
/// A DynamoDB grain storage operation failed; <see cref="Exception.InnerException"/> holds the service's or the
/// SDK's own error.
/// </summary>
[GenerateSerializer]
[Alias("Actors.Persistence.DynamoDB.DynamoDBStorageException")]
public class DynamoDBStorageException : Exception
{
    /// <summary>Creates an exception with no message.</summary>
    public DynamoDBStorageException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What failed.</param>
    public DynamoDBStorageException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and the error that caused it.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The service's or SDK's error.</param>
    public DynamoDBStorageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
