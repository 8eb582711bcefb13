namespace Actors.Grains.Interfaces;

/// <summary>Maps a device to its notifier shard with a hash that is stable across processes and runs.</summary>
public static class NotifierShard
{
    public static long For(string deviceId, int shardCount)
    {
        var hash = 2166136261u;
        foreach (var c in deviceId)
        {
            hash = (hash ^ c) * 16777619u;
        }
        return hash % (uint)shardCount;
    }
}
