using Actors.Grains.Checkpoints;
using Actors.Persistence.DynamoDB;
using Amazon.DynamoDBv2;

namespace Actors.Hosting;

/// <summary>
/// The DynamoDB state writes that fail the same way every time: an item over 400 KB (refused before it is sent) and
/// what DynamoDB refuses as invalid (<c>ValidationException</c>: an item or key over its size limits). Throttling,
/// outages and lost conditional writes are not: a later try may pass.
/// </summary>
public sealed class DynamoDBStateWriteErrorClassifier : IStateWriteErrorClassifier
{
    public bool IsPermanent(Exception error) => error switch
    {
        GrainStateTooLargeException => true,
        DynamoDBStorageException { InnerException: AmazonDynamoDBException { ErrorCode: "ValidationException" } } => true,
        _ => false,
    };
}
