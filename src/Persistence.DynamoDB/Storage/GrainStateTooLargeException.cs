using System.Globalization;
using Orleans;

namespace Actors.Persistence.DynamoDB;

/// <summary>
/// A grain state whose DynamoDB item would exceed the service's item size limit; it was refused before any call
/// to the service, so the stored state is unchanged.
/// </summary>
[GenerateSerializer]
[Alias("Actors.Persistence.DynamoDB.GrainStateTooLargeException")]
public sealed class GrainStateTooLargeException : DynamoDBStorageException
{
    /// <summary>Creates an exception with no details.</summary>
    public GrainStateTooLargeException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What was refused.</param>
    public GrainStateTooLargeException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and a cause.</summary>
    /// <param name="message">What was refused.</param>
    /// <param name="innerException">The cause.</param>
    public GrainStateTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception describing the refused state.</summary>
    /// <param name="stateName">The state's name (the grain type argument of the storage call).</param>
    /// <param name="grainId">The grain's ID.</param>
    /// <param name="itemSize">The size the item would have had, in bytes.</param>
    /// <param name="maxItemSize">The service's limit, in bytes.</param>
    public GrainStateTooLargeException(string stateName, string grainId, int itemSize, int maxItemSize)
        : base(string.Create(CultureInfo.InvariantCulture,
            $"Grain state '{stateName}' of grain {grainId} would make a DynamoDB item of {itemSize} bytes, over the limit of {maxItemSize} bytes; it was not written."))
    {
        StateName = stateName;
        GrainId = grainId;
        ItemSize = itemSize;
        MaxItemSize = maxItemSize;
    }

    /// <summary>The state's name (the grain type argument of the storage call).</summary>
    [Id(0)]
    public string? StateName { get; init; }

    /// <summary>The grain's ID.</summary>
    [Id(1)]
    public string? GrainId { get; init; }

    /// <summary>The size the item would have had, in bytes.</summary>
    [Id(2)]
    public int ItemSize { get; init; }

    /// <summary>The service's item size limit, in bytes.</summary>
    [Id(3)]
    public int MaxItemSize { get; init; }
}
