using System.Collections.Concurrent;
using System.Reflection;
using Actors.Grains.Interfaces;

namespace Actors.Hosting.DataPlane;

/// <summary>Recognizes <see cref="DataPlaneOperationAttribute">data-plane operations</see>; the answer per method is cached, since every grain call asks.</summary>
public static class DataPlaneOperations
{
    private static readonly ConcurrentDictionary<MethodInfo, bool> Cache = new();

    /// <summary>Whether <paramref name="interfaceMethod"/> carries <see cref="DataPlaneOperationAttribute"/>.</summary>
    public static bool IsDataPlaneOperation(MethodInfo? interfaceMethod) =>
        interfaceMethod is not null && Cache.GetOrAdd(interfaceMethod, static m => m.IsDefined(typeof(DataPlaneOperationAttribute), inherit: false));
}
