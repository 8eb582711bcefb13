namespace Actors.Grains;

/// <summary>Names of the grain storage providers the grains persist through.</summary>
public static class StorageNames
{
    /// <summary>Device, product, notifier and rules state.</summary>
    public const string State = "state";
}
