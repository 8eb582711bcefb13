using Actors.Deployment.Tests.Yaml;
using Xunit;

namespace Actors.Deployment.Tests;

public sealed class MiniYamlTests
{
    [Fact]
    public void Reads_nested_mappings_sequences_flow_lists_quotes_and_comments()
    {
        const string yaml = """
            # comment
            services:
              web:
                image: "nginx:1.27"   # trailing comment
                command: ["redis-server", "--save", "", "--x", 'it''s']
                environment:
                  A__B: http://aws:4566
                  C: "true"
                ports:
                  - "8080:80"
                  - 9000
                depends_on:
                  db:
                    condition: service_healthy
                volumes:
                - ./a:/a:ro
              db:
                healthcheck:
                  test:
                    - CMD
                    - pg_isready
            """;

        var root = (Dictionary<string, object?>)MiniYaml.Parse(yaml)!;
        var services = (Dictionary<string, object?>)root["services"]!;
        var web = (Dictionary<string, object?>)services["web"]!;

        Assert.Equal("nginx:1.27", web["image"]);
        Assert.Equal(new object?[] { "redis-server", "--save", "", "--x", "it's" }, (List<object?>)web["command"]!);
        Assert.Equal("http://aws:4566", ((Dictionary<string, object?>)web["environment"]!)["A__B"]);
        Assert.Equal(new object?[] { "8080:80", "9000" }, (List<object?>)web["ports"]!);
        Assert.Equal("service_healthy", ((Dictionary<string, object?>)((Dictionary<string, object?>)web["depends_on"]!)["db"]!)["condition"]);
        Assert.Equal(new object?[] { "./a:/a:ro" }, (List<object?>)web["volumes"]!);
        var test = (List<object?>)((Dictionary<string, object?>)((Dictionary<string, object?>)services["db"]!)["healthcheck"]!)["test"]!;
        Assert.Equal(new object?[] { "CMD", "pg_isready" }, test);
    }

    [Fact]
    public void Reads_mappings_inside_sequence_items()
    {
        var root = (Dictionary<string, object?>)MiniYaml.Parse("""
            items:
              - name: a
                value: "1"
              - name: b
            """)!;

        var items = (List<object?>)root["items"]!;
        Assert.Equal(2, items.Count);
        Assert.Equal("1", ((Dictionary<string, object?>)items[0]!)["value"]);
        Assert.Equal("b", ((Dictionary<string, object?>)items[1]!)["name"]);
    }

    [Theory]
    [InlineData("x: &anchor\n  a: 1", "anchors")]
    [InlineData("x: *anchor", "aliases")]
    [InlineData("x:\n  <<: *base", "merge keys")]
    [InlineData("x: |\n  text", "block scalars")]
    [InlineData("x: {a: 1}", "flow mappings")]
    [InlineData("x: 1\nx: 2", "duplicate key")]
    [InlineData("x: 1\n   y: 2", "unexpected indentation")]
    [InlineData("a: 1\n---\nb: 2", "several documents")]
    [InlineData("x: \"open", "unterminated")]
    public void Refuses_what_it_cannot_read_faithfully(string yaml, string reason)
    {
        var error = Assert.Throws<FormatException>(() => MiniYaml.Parse(yaml));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }
}
