using System.Collections.Concurrent;
using System.Reflection;
using Actors.Grains.Interfaces;

namespace Actors.Hosting.Admin;

/// <summary>Recognizes <see cref="AdminOperationAttribute">admin operations</see>; the answer per method is cached, since every grain call asks.</summary>
public static class AdminOperations
{
    private static readonly ConcurrentDictionary<MethodInfo, bool> Cache = new();

    /// <summary>Whether <paramref name="interfaceMethod"/> carries <see cref="AdminOperationAttribute"/>.</summary>
    public static bool IsAdminOperation(MethodInfo? interfaceMethod) =>
        interfaceMethod is not null && Cache.GetOrAdd(interfaceMethod, static m => m.IsDefined(typeof(AdminOperationAttribute), inherit: false));

    /// <summary>A short name for logs and messages, e.g. <c>IRulesGrain.Set</c>.</summary>
    public static string NameOf(MethodInfo interfaceMethod) => $"{interfaceMethod.DeclaringType?.Name}.{interfaceMethod.Name}";
}
