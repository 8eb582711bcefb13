using System.Collections.Concurrent;
using Actors.Grains.Interfaces;

namespace Actors.Aws.Tests.Ingest;

/// <summary>Records every <see cref="IProductGrain.Persist"/> call the silos of the test cluster receive: the product and the sources named.</summary>
public sealed class ProductPersistCalls : IIncomingGrainCallFilter
{
    private static readonly ConcurrentQueue<(string Product, string[] Sources)> Calls = new();

    /// <summary>The calls <paramref name="productId"/> received so far, each with the sources it named, sorted.</summary>
    public static IReadOnlyList<string[]> Of(string productId) => [.. Calls.Where(call => call.Product == productId).Select(call => call.Sources)];

    public Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.InterfaceMethod.DeclaringType == typeof(IProductGrain) && context.InterfaceMethod.Name == nameof(IProductGrain.Persist))
        {
            var sources = context.Request.GetArgument(0) is Dictionary<string, string?> expected ? expected.Keys.Order(StringComparer.Ordinal).ToArray() : [];
            Calls.Enqueue((context.TargetId.Key.ToString()!, sources));
        }
        return context.Invoke();
    }
}
