using Actors.Detection.Spc;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Xunit;

namespace Actors.Detection.Tests.Spc;

/// <summary>The Orleans serializer a grain's state goes through, built once for the SPC state types.</summary>
internal static class SpcSerialization
{
    private static readonly Serializer Serializer = new ServiceCollection()
        .AddSerializer(builder => builder.AddAssembly(typeof(ProductHistory).Assembly))
        .BuildServiceProvider()
        .GetRequiredService<Serializer>();

    public static T RoundTrip<T>(T value)
    {
        var copy = Serializer.Deserialize<T>(Serializer.SerializeToArray(value));
        Assert.NotNull(copy);
        return copy;
    }

    public static int Size<T>(T value) => Serializer.SerializeToArray(value).Length;
}
