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
    [InlineData("sécret-ü", "sécret-ü", true)]
    [InlineData("sécret-ü", "secret-u", false)]
    public void Matches_only_the_exact_secret(string expected, string? presented, bool matches) =>
        Assert.Equal(matches, AdminSecret.Matches(expected, presented));

    /// <summary>Secrets longer than the stack buffer each side is encoded in are compared whole, up to their last character.</summary>
    [Theory]
    [InlineData(85)]
    [InlineData(300)]
    [InlineData(5000)]
    public void Matches_long_secrets_to_the_last_character(int length)
    {
        var secret = new string('x', length - 1) + "é";

        Assert.True(AdminSecret.Matches(secret, new string('x', length - 1) + "é"));
        Assert.False(AdminSecret.Matches(secret, new string('x', length - 1) + "e"));
        Assert.False(AdminSecret.Matches(secret, secret[..^1]));
        Assert.False(AdminSecret.Matches(secret[..^1], secret));
    }

    [Fact]
    public void Generated_secrets_are_long_and_distinct()
    {
        var secrets = Enumerable.Range(0, 100).Select(_ => AdminSecret.Generate()).ToList();

        Assert.All(secrets, s => Assert.Equal(64, s.Length));
        Assert.Equal(secrets.Count, secrets.Distinct().Count());
    }
}
