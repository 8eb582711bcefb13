using System.Text.Json;
using Actors.Grains.Interfaces;
using Xunit;
using static Actors.Admin.Tests.Seed;

namespace Actors.Admin.Tests;

[Collection(AdminClusterCollection.Name)]
public sealed class SilencesCommandTests(AdminClusterFixture fixture)
{
    private Task<AdminRun> Silences(int exitCode, string? secret, params string[] args) =>
        AdminRunner.ExpectAsync(exitCode, fixture.Client, secret, ["silences", .. args]);

    private async Task<JsonElement?> ListedAsync(long id)
    {
        var list = await Silences(ExitCodes.Success, null, "list", "--json");
        var silences = list.Json().GetProperty("silences").EnumerateArray().ToArray();
        Assert.Equal(silences.Length, list.Json().GetProperty("count").GetInt32());
        return silences.Where(s => s.GetProperty("id").GetInt64() == id).Cast<JsonElement?>().SingleOrDefault();
    }

    [Fact]
    public async Task Add_keeps_patterns_who_when_and_why_list_shows_it_and_remove_ends_it()
    {
        var devices = UniqueId("press") + "-*";

        var added = await Silences(ExitCodes.Success, AdminClusterFixture.Secret,
            "add", "--device", devices, "--metric", "temperature", "--rule", "Threshold", "--for", "2h", "--note", "press line maintenance", "--by", "ops-anna", "--json");
        var id = added.Json().GetProperty("id").GetInt64();
        var listed = await ListedAsync(id);
        var readable = await Silences(ExitCodes.Success, null, "list");
        var removed = await Silences(ExitCodes.Success, AdminClusterFixture.Secret, "remove", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--json");
        var afterRemove = await ListedAsync(id);
        var again = await Silences(ExitCodes.UnknownId, AdminClusterFixture.Secret, "remove", id.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var silence = listed!.Value;
        Assert.Equal((devices, null, "temperature", "Threshold"), (silence.GetProperty("device").GetString(), silence.GetProperty("product").GetString(), silence.GetProperty("metric").GetString(), silence.GetProperty("rule").GetString()));
        Assert.Equal(("ops-anna", "press line maintenance"), (silence.GetProperty("createdBy").GetString(), silence.GetProperty("note").GetString()));
        var createdAt = silence.GetProperty("createdAt").GetDateTime().ToUniversalTime();
        Assert.True((DateTime.UtcNow - createdAt).Duration() < TimeSpan.FromMinutes(5), $"created at {createdAt:O}");
        Assert.InRange(silence.GetProperty("endsAt").GetDateTime().ToUniversalTime() - DateTime.UtcNow, TimeSpan.FromHours(1.5), TimeSpan.FromHours(2));
        Assert.Contains(devices, readable.Output, StringComparison.Ordinal);
        Assert.Equal(id, removed.Json().GetProperty("id").GetInt64());
        Assert.Null(afterRemove);
        Assert.Contains($"no silence {id}", again.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Until_takes_a_utc_time()
    {
        var until = DateTime.UtcNow.AddDays(1);
        var text = until.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);

        var added = await Silences(ExitCodes.Success, AdminClusterFixture.Secret, "add", "--product", UniqueId("sp"), "--until", text, "--json");

        Assert.Equal(until.AddTicks(-(until.Ticks % TimeSpan.TicksPerSecond)), added.Json().GetProperty("endsAt").GetDateTime().ToUniversalTime());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-the-secret")]
    public async Task Add_and_remove_are_refused_without_the_secret_and_change_nothing(string? secret)
    {
        var device = UniqueId("sr");
        var kept = await Silences(ExitCodes.Success, AdminClusterFixture.Secret, "add", "--device", device, "--for", "1h", "--json");
        var id = kept.Json().GetProperty("id").GetInt64();

        var add = await Silences(ExitCodes.Refused, secret, "add", "--device", device + "-other", "--for", "1h");
        var remove = await Silences(ExitCodes.Refused, secret, "remove", id.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Contains("refused", add.Error, StringComparison.Ordinal);
        Assert.Contains("refused", remove.Error, StringComparison.Ordinal);
        var silences = await fixture.Client.GetGrain<ISilencesGrain>(SilencesGrainKey.Default).List();
        Assert.Contains(silences, s => s.Id == id);
        Assert.DoesNotContain(silences, s => s.Device == device + "-other");
    }

    [Theory]
    [InlineData("needs at least one of --device", "--for", "1h")]
    [InlineData("needs --for DURATION or --until TIME", "--device", "x")]
    [InlineData("either --for or --until", "--device", "x", "--for", "1h", "--until", "2099-01-01")]
    [InlineData("not in the future", "--device", "x", "--until", "2020-01-01")]
    [InlineData("is not a time", "--device", "x", "--until", "tomorrow")]
    [InlineData("must not be empty", "--device", " ", "--for", "1h")]
    public async Task Add_refuses_bad_input_with_a_clear_message(string message, params string[] args)
    {
        var run = await Silences(ExitCodes.BadInput, AdminClusterFixture.Secret, ["add", .. args]);

        Assert.Contains(message, run.Error, StringComparison.Ordinal);
    }
}
