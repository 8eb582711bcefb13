using Xunit;

namespace Actors.Admin.Tests;

[CollectionDefinition(Name)]
public sealed class AdminClusterCollection : ICollectionFixture<AdminClusterFixture>
{
    public const string Name = "admin cluster";
}
