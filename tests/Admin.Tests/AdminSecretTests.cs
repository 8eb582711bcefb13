using Actors.Hosting.Admin;
using Xunit;

namespace Actors.Admin.Tests;

public sealed class AdminSecretTests
{
    [Theory]
    [InlineData("s3cret", "s3cret", true)]
    [InlineData("s3cret", "s3cre", false)]
    [InlineData("s3cret", "s3cret ", false)]
    [InlineData("s3cret", "S3CRET", false)]
    [InlineData("s3cret", "", false)]
    [InlineData("s3cret", null, false)]
    public void Matches_only_the_exact_secret(string expected, string? presented, bool matches) =>
        Assert.Equal(matches, AdminSecret.Matches(expected, presented));

    [Fact]
    public void Generated_secrets_are_long_and_distinct()
    {
        var secrets = Enumerable.Range(0, 100).Select(_ => AdminSecret.Generate()).ToList();

        Assert.All(secrets, s => Assert.Equal(64, s.Length));
        Assert.Equal(secrets.Count, secrets.Distinct().Count());
    }
}
