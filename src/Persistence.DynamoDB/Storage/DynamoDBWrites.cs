namespace Actors.Persistence.DynamoDB;

/// <summary>
/// Write requests a DynamoDB grain storage sent, in DynamoDB's billing terms: how many, the billed item bytes (the
/// larger of the old and the new item for a put, the deleted item for a delete) and the write request units.
/// </summary>
/// <param name="Requests">Put and delete requests that DynamoDB carried out or refused on their condition (both are billed).</param>
/// <param name="ItemBytes">The billed item sizes, added up.</param>
/// <param name="WriteUnits">The write request units (1 per started KB of each billed item, at least 1).</param>
public sealed record DynamoDBWrites(long Requests, long ItemBytes, long WriteUnits)
{
    /// <summary>No writes.</summary>
    public static DynamoDBWrites None { get; } = new(0, 0, 0);

    /// <summary>The average billed item size in bytes; 0 without writes.</summary>
    public double AverageItemBytes => Requests == 0 ? 0 : (double)ItemBytes / Requests;

    /// <summary>Both tallies added up.</summary>
    public static DynamoDBWrites operator +(DynamoDBWrites left, DynamoDBWrites right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return new(left.Requests + right.Requests, left.ItemBytes + right.ItemBytes, left.WriteUnits + right.WriteUnits);
    }

    /// <summary>Both tallies added up.</summary>
    public static DynamoDBWrites Add(DynamoDBWrites left, DynamoDBWrites right) => left + right;
}
