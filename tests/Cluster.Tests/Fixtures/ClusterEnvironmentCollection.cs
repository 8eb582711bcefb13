using Xunit;

namespace Actors.Cluster.Tests.Fixtures;

/// <summary>The tests that run silo processes against one redis-server and one moto_server.</summary>
[CollectionDefinition(Name)]
public sealed class ClusterEnvironmentCollection : ICollectionFixture<ClusterEnvironment>
{
    public const string Name = "Silo processes on Redis and moto_server";
}
