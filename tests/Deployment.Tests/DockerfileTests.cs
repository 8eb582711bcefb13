using Actors.Deployment.Tests.Configuration;
using Actors.Deployment.Tests.Docker;
using Actors.Hosting;
using Actors.Hosting.Dashboard;
using Actors.Hosting.Health;
using Xunit;

namespace Actors.Deployment.Tests;

public sealed class DockerfileTests
{
    private const string Sdk = "mcr.microsoft.com/dotnet/sdk:10.0";
    private const string AspNet = "mcr.microsoft.com/dotnet/aspnet:10.0";
    private const string Runtime = "mcr.microsoft.com/dotnet/runtime:10.0";

    public static TheoryData<string, string> Images => new()
    {
        { "src/Silo/Dockerfile", "src/Silo/Silo.csproj" },
        { "src/Ingestor/Dockerfile", "src/Ingestor/Ingestor.csproj" },
        { "src/Admin/Dockerfile", "src/Admin/Admin.csproj" },
    };

    public static TheoryData<string> Paths => new(DeploymentFiles.Dockerfiles);

    [Theory]
    [MemberData(nameof(Images))]
    public void Builds_with_the_sdk_and_runs_on_a_runtime_image(string dockerfile, string project)
    {
        var file = DockerfileModel.Load(RepositoryRoot.Combine(dockerfile));
        Assert.True(file.Stages.Count >= 2, $"{dockerfile}: expected a multi-stage build.");
        Assert.Equal((Sdk, "build"), file.Stages[0]);
        Assert.Contains(file.Stages[^1].Image, new[] { AspNet, Runtime });
        var publish = Assert.Single(file.Instructions, i => i.Keyword == "RUN" && i.Arguments.StartsWith("dotnet publish", StringComparison.Ordinal));
        Assert.Contains($"dotnet publish {project} -c Release", publish.Arguments, StringComparison.Ordinal);
        var entrypoint = DockerfileModel.ExecForm(Assert.Single(file.In(file.FinalStage, "ENTRYPOINT")));
        Assert.Equal(["dotnet", $"Actors.{Path.GetFileNameWithoutExtension(project)}.dll"], entrypoint);
        Assert.Contains(file.In(file.FinalStage, "COPY"), c => c.Arguments.StartsWith("--from=build /app", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Images))]
    public void Restore_layer_copies_every_project_of_the_reference_closure(string dockerfile, string project)
    {
        var file = DockerfileModel.Load(RepositoryRoot.Combine(dockerfile));
        var restore = Assert.Single(file.Instructions, i => i.Keyword == "RUN" && i.Arguments.StartsWith("dotnet restore", StringComparison.Ordinal));
        Assert.Equal($"dotnet restore {project}", restore.Arguments);
        var copiedBefore = file.Instructions.Where(i => i.Keyword == "COPY" && i.Stage == restore.Stage && i.Line < restore.Line)
            .SelectMany(DockerfileModel.CopySources).ToHashSet(StringComparer.Ordinal);
        var needed = ProjectGraph.Of(project).Projects.Append("Directory.Build.props").Append("Directory.Packages.props");
        var missing = needed.Where(p => !copiedBefore.Contains(p)).ToList();
        Assert.True(missing.Count == 0, $"{dockerfile}: copy these before 'dotnet restore' (or the restore fails or misses packages): {string.Join(", ", missing)}");
        Assert.DoesNotContain(copiedBefore, source => source.EndsWith('/'));
    }

    [Theory]
    [MemberData(nameof(Images))]
    public void Runtime_image_carries_the_shared_frameworks_the_project_needs(string dockerfile, string project)
    {
        var file = DockerfileModel.Load(RepositoryRoot.Combine(dockerfile));
        if (ProjectGraph.Of(project).Frameworks.Contains("Microsoft.AspNetCore.App"))
        {
            Assert.Equal(AspNet, file.Stages[^1].Image);
        }
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void Runs_as_a_non_root_user(string dockerfile)
    {
        var file = DockerfileModel.Load(RepositoryRoot.Combine(dockerfile));
        var user = Assert.Single(file.In(file.FinalStage, "USER"));
        Assert.DoesNotContain(user.Arguments, new[] { "root", "0", "0:0" });
        Assert.Equal("$APP_UID", user.Arguments);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void Every_copied_source_and_environment_key_exists(string dockerfile)
    {
        var file = DockerfileModel.Load(RepositoryRoot.Combine(dockerfile));
        foreach (var source in file.Instructions.Where(i => i.Keyword == "COPY" && !DockerfileModel.CopiesFromStage(i)).SelectMany(DockerfileModel.CopySources))
        {
            var path = RepositoryRoot.Combine(source);
            Assert.True(File.Exists(path) || Directory.Exists(path), $"{dockerfile}: COPY source '{source}' does not exist.");
        }
        var keys = file.Instructions.Where(i => i.Keyword == "ENV").SelectMany(i => DockerfileModel.EnvVariables(i).Keys);
        Assert.Empty(KnownConfigurationKeys.FromPrograms().Unknown(keys));
    }

    [Fact]
    public void Silo_image_exposes_and_probes_the_default_ports()
    {
        var file = DockerfileModel.Load(RepositoryRoot.Combine("src/Silo/Dockerfile"));
        var exposed = file.In(file.FinalStage, "EXPOSE").SelectMany(DockerfileModel.ExposedPorts).ToList();
        var cluster = new DetectionClusterOptions();
        Assert.Equal(new[] { cluster.SiloPort, cluster.GatewayPort, HealthOptions.SiloDefaultPort, new SiloDashboardOptions().Port }.Order(), exposed.Order());
        AssertProbe(file, HealthOptions.SiloDefaultPort);
    }

    [Fact]
    public void Ingestor_image_exposes_and_probes_the_ingest_health_port()
    {
        var file = DockerfileModel.Load(RepositoryRoot.Combine("src/Ingestor/Dockerfile"));
        Assert.Equal([HealthOptions.IngestorDefaultPort], file.In(file.FinalStage, "EXPOSE").SelectMany(DockerfileModel.ExposedPorts));
        AssertProbe(file, HealthOptions.IngestorDefaultPort);
    }

    [Fact]
    public void Dockerignore_keeps_build_output_and_git_out_of_the_context()
    {
        var patterns = DeploymentFiles.Text(".dockerignore").Split('\n').Select(l => l.Trim()).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("**/bin/", patterns);
        Assert.Contains("**/obj/", patterns);
        Assert.Contains(".git/", patterns);
        Assert.DoesNotContain(patterns, p => p is "src/" or "deploy/" or "Directory.Build.props" or "Directory.Packages.props" or "deploy/docker/");
    }

    private static void AssertProbe(DockerfileModel file, int port)
    {
        Assert.Contains(file.In(file.FinalStage, "COPY"), c => DockerfileModel.CopySources(c).SequenceEqual(["deploy/docker/healthcheck.sh"]) && c.Arguments.EndsWith(" /usr/local/bin/healthcheck", StringComparison.Ordinal));
        var healthcheck = DockerfileModel.ExecForm(Assert.Single(file.In(file.FinalStage, "HEALTHCHECK")));
        Assert.Equal(["healthcheck", DetectionHealthExtensions.LivePath, port.ToString(System.Globalization.CultureInfo.InvariantCulture)], healthcheck);
        var env = file.In(file.FinalStage, "ENV").SelectMany(e => DockerfileModel.EnvVariables(e)).ToDictionary();
        Assert.Equal(port.ToString(System.Globalization.CultureInfo.InvariantCulture), env.GetValueOrDefault("Health__Port"));
    }
}
