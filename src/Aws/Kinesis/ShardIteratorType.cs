namespace Actors.Aws.Kinesis;

/// <summary>Where in a shard a shard iterator starts reading.</summary>
public enum ShardIteratorType
{
    /// <summary>At the oldest record still retained.</summary>
    TrimHorizon,

    /// <summary>After the newest record: only records written from now on.</summary>
    Latest,

    /// <summary>At the record with the given sequence number.</summary>
    AtSequenceNumber,

    /// <summary>Right after the record with the given sequence number.</summary>
    AfterSequenceNumber,

    /// <summary>At the first record that arrived at or after the given time.</summary>
    AtTimestamp,
}
