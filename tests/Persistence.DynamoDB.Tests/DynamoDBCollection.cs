using Xunit;

namespace Actors.Persistence.DynamoDB.Tests;

/// <summary>The tests that share one moto_server and one cluster.</summary>
[CollectionDefinition(Name)]
public sealed class DynamoDBCollection : ICollectionFixture<DynamoDBClusterFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "DynamoDB on moto_server";
}
