using Actors.TestSupport;
using Xunit;

namespace Actors.Aws.Tests;

/// <summary>One <c>moto_server</c> for every test class in the "moto" collection.</summary>
[CollectionDefinition(Name)]
public sealed class MotoCollection : ICollectionFixture<MotoServer>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "moto";
}
