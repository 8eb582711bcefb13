using Actors.Deployment.Tests.Compose;
using Xunit;
using YamlDotNet.Core;

namespace Actors.Deployment.Tests;

/// <summary>How <see cref="ComposeFile"/> reads the YAML forms compose files use.</summary>
public sealed class ComposeFileParseTests
{
    [Fact]
    public void Reads_quotes_flow_lists_aliases_both_environment_and_depends_on_forms_and_comments()
    {
        var compose = ComposeFile.Parse("""
            # comment
            services:
              web:
                restart: &restart unless-stopped
                image: "nginx:1.27"   # trailing comment
                command: ["redis-server", "--save", "", "--x", 'it''s']
                environment:
                  A__B: http://aws:4566
                  C: "true"
                ports:
                  - "8080:80"
                depends_on:
                  db:
                    condition: service_healthy
                volumes:
                - ./a:/a:ro
                stop_grace_period: 1m30s
              db:
                build:
                  context: .
                  dockerfile: src/Silo/Dockerfile
                environment:
                  - D=1
                depends_on: [web]
                restart: *restart
                healthcheck:
                  test:
                    - CMD
                    - pg_isready
            """);

        var web = compose["web"];
        var db = compose["db"];
        Assert.Equal("nginx:1.27", web.Image);
        Assert.Equal(["redis-server", "--save", "", "--x", "it's"], web.Command);
        Assert.Equal("http://aws:4566", web.Environment["A__B"]);
        Assert.Equal("true", web.Environment["C"]);
        Assert.Equal("service_healthy", web.DependsOn["db"]);
        Assert.Equal(["./a:/a:ro"], web.Volumes);
        Assert.Equal("unless-stopped", web.Restart);
        Assert.Equal(TimeSpan.FromSeconds(90), web.StopGracePeriod);
        Assert.Equal(("src/Silo/Dockerfile", "."), (db.Dockerfile, db.BuildContext));
        Assert.Equal("1", db.Environment["D"]);
        Assert.Equal("unless-stopped", db.Restart);
        Assert.Null(db.DependsOn["web"]);
        Assert.Equal(["CMD", "pg_isready"], db.HealthcheckTest);
    }

    [Fact]
    public void A_duplicate_key_is_refused()
    {
        Assert.Throws<YamlException>(() => ComposeFile.Parse("services:\n  a:\n    image: x\n  a:\n    image: y\n"));
    }
}
