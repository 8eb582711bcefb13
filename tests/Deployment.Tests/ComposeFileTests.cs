using Actors.Deployment.Tests.Compose;
using Actors.Deployment.Tests.Configuration;
using Actors.Deployment.Tests.Docker;
using Actors.Hosting;
using Xunit;

namespace Actors.Deployment.Tests;

/// <summary>docker-compose.yml is right by construction: no Docker engine runs here, so these checks read it.</summary>
public sealed class ComposeFileTests
{
    private static readonly string[] HealthConditions = ["service_healthy", "service_completed_successfully"];

    private readonly ComposeFile _compose = DeploymentFiles.Compose();

    [Fact]
    public void Has_the_topology_of_the_issue()
    {
        foreach (var name in new[] { "aws", "aws-init", "redis", "silo1", "silo2", "ingestor", "simulator" })
        {
            Assert.True(_compose.Services.ContainsKey(name), $"docker-compose.yml has no service '{name}'.");
        }
        Assert.Equal(["ingest", "--stream"], _compose["ingestor"].Command.Take(2));
        Assert.Equal(["simulate", "--to", "kinesis"], _compose["simulator"].Command.Take(3));
    }

    [Fact]
    public void Every_build_context_and_dockerfile_exists()
    {
        var built = _compose.Services.Values.Where(s => s.IsBuiltHere).ToList();
        Assert.NotEmpty(built);
        foreach (var service in built)
        {
            var context = RepositoryRoot.Combine(service.BuildContext!);
            Assert.True(Directory.Exists(context), $"{service.Name}: build context '{service.BuildContext}' does not exist.");
            Assert.True(File.Exists(Path.Combine(context, service.Dockerfile!)), $"{service.Name}: Dockerfile '{service.Dockerfile}' does not exist in '{service.BuildContext}'.");
        }
    }

    [Fact]
    public void Every_bind_mount_source_exists()
    {
        var mounts = _compose.Services.Values.SelectMany(s => s.Volumes.Select(v => (s.Name, Source: v.Split(':')[0])))
            .Where(m => m.Source.StartsWith('.') || m.Source.StartsWith('/'))
            .ToList();
        foreach (var (service, source) in mounts)
        {
            var path = RepositoryRoot.Combine(source);
            Assert.True(File.Exists(path) || Directory.Exists(path), $"{service}: bind mount source '{source}' does not exist.");
        }
    }

    [Fact]
    public void Every_environment_key_of_our_programs_is_one_they_read()
    {
        var known = KnownConfigurationKeys.FromPrograms();
        var unknown = _compose.Services.Values.Where(s => s.IsBuiltHere)
            .SelectMany(s => known.Unknown(s.Environment.Keys).Select(key => $"{s.Name}: {key}"))
            .ToList();
        Assert.True(unknown.Count == 0, "Keys no program reads: " + string.Join(", ", unknown));
    }

    [Fact]
    public void Environment_values_bind_to_the_types_of_their_options()
    {
        var known = KnownConfigurationKeys.FromPrograms();
        var errors = _compose.Services.Values.Where(s => s.IsBuiltHere)
            .SelectMany(s => s.Environment.Select(e => known.ValueError(e.Key, e.Value)).OfType<string>().Select(error => $"{s.Name}: {error}"))
            .ToList();
        Assert.True(errors.Count == 0, string.Join("; ", errors));
    }

    [Fact]
    public void Host_ports_do_not_collide()
    {
        var published = _compose.Services.Values
            .SelectMany(s => s.Ports.Where(p => p.HostPort is not null).Select(p => (Service: s.Name, Key: $"{p.HostIp ?? "*"}:{p.HostPort}/{p.Protocol}")))
            .ToList();
        Assert.NotEmpty(published);
        var collisions = published.GroupBy(p => p.Key).Where(g => g.Count() > 1).Select(g => $"{g.Key} ({string.Join(", ", g.Select(p => p.Service))})").ToList();
        Assert.True(collisions.Count == 0, "Host ports published twice: " + string.Join("; ", collisions));
    }

    [Fact]
    public void Depends_on_targets_exist_and_wait_for_health_or_completion()
    {
        foreach (var service in _compose.Services.Values)
        {
            foreach (var (target, condition) in service.DependsOn)
            {
                Assert.True(_compose.Services.ContainsKey(target), $"{service.Name} depends on unknown service '{target}'.");
                Assert.True(condition is not null && HealthConditions.Contains(condition),
                    $"{service.Name} -> {target}: condition must be one of {string.Join(", ", HealthConditions)} (was '{condition}').");
                var dependency = _compose[target];
                if (condition == "service_healthy")
                {
                    Assert.True(HasHealthcheck(dependency), $"{service.Name} waits for {target} to be healthy, but {target} has no healthcheck.");
                }
                else
                {
                    Assert.True(dependency.Restart is null or "no", $"{service.Name} waits for {target} to complete, but {target} restarts ({dependency.Restart}).");
                }
            }
        }
    }

    [Fact]
    public void Programs_start_only_after_what_they_need()
    {
        foreach (var silo in Silos())
        {
            Assert.Equal("service_healthy", silo.DependsOn.GetValueOrDefault("redis"));
            Assert.Equal("service_completed_successfully", silo.DependsOn.GetValueOrDefault("aws-init"));
        }
        var ingestor = _compose["ingestor"];
        Assert.All(Silos(), silo => Assert.Equal("service_healthy", ingestor.DependsOn.GetValueOrDefault(silo.Name)));
        Assert.Equal("service_completed_successfully", _compose["simulator"].DependsOn.GetValueOrDefault("aws-init"));
    }

    [Fact]
    public void Health_checks_probe_the_configured_health_port_which_is_published()
    {
        foreach (var service in _compose.Services.Values.Where(s => s.Environment.ContainsKey("Health__Port")))
        {
            var port = int.Parse(service.Environment["Health__Port"], System.Globalization.CultureInfo.InvariantCulture);
            Assert.Contains(service.Ports, p => p.ContainerPort == port);
            Assert.Equal(["CMD", "healthcheck", "/health/ready", port.ToString(System.Globalization.CultureInfo.InvariantCulture)], service.HealthcheckTest);
        }
        Assert.All(Silos().Append(_compose["ingestor"]), s => Assert.True(s.Environment.ContainsKey("Health__Port"), $"{s.Name} sets no Health__Port."));
    }

    [Fact]
    public void Silos_and_clients_agree_on_the_cluster()
    {
        var members = _compose.Services.Values.Where(s => s.Environment.ContainsKey("Cluster__Membership")).ToList();
        Assert.True(members.Count >= 4, "silo1, silo2, ingestor and admin configure the cluster.");
        foreach (var key in new[] { "Cluster__ClusterId", "Cluster__ServiceId", "Cluster__Membership", "Cluster__RedisConnectionString" })
        {
            var values = members.Select(s => s.Environment.GetValueOrDefault(key)).Distinct().ToList();
            Assert.True(values.Count == 1 && values[0] is not null, $"{key} differs or is missing: {string.Join(", ", members.Select(s => $"{s.Name}={s.Environment.GetValueOrDefault(key)}"))}.");
        }
        Assert.Equal(nameof(MembershipKind.Redis), members[0].Environment["Cluster__Membership"]);
        var redisHost = members[0].Environment["Cluster__RedisConnectionString"].Split(',')[0].Split(':')[0];
        Assert.True(_compose.Services.ContainsKey(redisHost), $"Redis host '{redisHost}' is not a service.");
        Assert.All(_compose.Services.Values.Where(s => s.Environment.ContainsKey("Ingestor__EmbeddedSilo")), s => Assert.Equal("false", s.Environment["Ingestor__EmbeddedSilo"]));
    }

    [Fact]
    public void Aws_endpoints_point_at_the_aws_service()
    {
        var motoPort = _compose["aws"].Environment["MOTO_PORT"];
        Assert.Contains(_compose["aws"].Ports, p => p.ContainerPort.ToString(System.Globalization.CultureInfo.InvariantCulture) == motoPort);
        var urls = _compose.Services.Values.Where(s => s.IsBuiltHere)
            .SelectMany(s => s.Environment.Where(e => e.Key.EndsWith("__ServiceUrl", StringComparison.Ordinal)).Select(e => (s.Name, e.Value)))
            .ToList();
        Assert.NotEmpty(urls);
        Assert.All(urls, u => Assert.Equal($"http://aws:{motoPort}", u.Value));
        Assert.Equal($"http://aws:{motoPort}", _compose["aws-init"].CommandOption("--endpoint"));
        var needAws = _compose.Services.Values.Where(s => s.IsBuiltHere && s.Name != "admin").ToList();
        Assert.All(needAws, s => Assert.True(s.Environment.ContainsKey("Aws__ServiceUrl"), $"{s.Name} does not point its AWS clients at moto."));
        Assert.All(needAws, s => Assert.True(s.Environment.ContainsKey("AWS_REGION") && s.Environment.ContainsKey("AWS_ACCESS_KEY_ID") && s.Environment.ContainsKey("AWS_SECRET_ACCESS_KEY"), $"{s.Name} lacks AWS_REGION or the dummy credentials."));
    }

    [Fact]
    public void Programs_use_the_resources_aws_init_creates()
    {
        var init = _compose["aws-init"];
        var stream = init.CommandOption("--stream");
        Assert.NotNull(stream);
        Assert.Equal(stream, _compose["ingestor"].CommandOption("--stream"));
        Assert.Equal(stream, _compose["simulator"].CommandOption("--stream"));
        foreach (var silo in Silos())
        {
            Assert.Equal(init.CommandOption("--table"), silo.Environment["DynamoDB__TableName"]);
            Assert.Equal("false", silo.Environment["DynamoDB__CreateIfNotExists"]);
            Assert.EndsWith(":" + init.CommandOption("--topic"), silo.Environment["Sns__TopicArn"], StringComparison.Ordinal);
            Assert.Contains("sns", silo.Environment.Where(e => e.Key.StartsWith("Notifier__Sinks__", StringComparison.Ordinal)).Select(e => e.Value));
        }
    }

    [Fact]
    public void Container_commands_parse_with_the_programs_command_lines()
    {
        foreach (var name in new[] { "ingestor", "simulator" })
        {
            var errors = ProgramCommandLines.IngestorErrors(_compose[name].Command);
            Assert.True(errors.Count == 0, $"{name}: '{string.Join(' ', _compose[name].Command)}' does not parse: {string.Join("; ", errors)}");
        }
        var admin = _compose["admin"].Command;
        Assert.True(ProgramCommandLines.AdminErrors(admin).Count == 0, $"admin: '{string.Join(' ', admin)}' does not parse.");
    }

    [Fact]
    public void Silos_get_longer_to_stop_than_their_shutdown_timeout()
    {
        foreach (var silo in Silos())
        {
            var shutdown = silo.Environment.TryGetValue("Cluster__ShutdownTimeout", out var configured) ? TimeSpan.Parse(configured, System.Globalization.CultureInfo.InvariantCulture) : new DetectionClusterOptions().ShutdownTimeout;
            Assert.True(silo.StopGracePeriod > shutdown, $"{silo.Name}: stop_grace_period {silo.StopGracePeriod} must exceed Cluster:ShutdownTimeout {shutdown}, or Docker kills the silo before it leaves the cluster.");
        }
    }

    [Fact]
    public void Unknown_keys_in_a_compose_file_are_reported()
    {
        var compose = ComposeFile.Parse("""
            services:
              silo:
                build: .
                environment:
                  Cluster__Membrship: Redis
                  Notifier__Sinks__0: sns
            """);
        var unknown = KnownConfigurationKeys.FromPrograms().Unknown(compose["silo"].Environment.Keys);
        Assert.Equal(["Cluster__Membrship"], unknown);
    }

    private IEnumerable<ComposeService> Silos() => _compose.Services.Values.Where(s => s.Dockerfile == "src/Silo/Dockerfile");

    private static bool HasHealthcheck(ComposeService service)
    {
        if (service.HealthcheckDisabled)
        {
            return false;
        }
        if (service.HealthcheckTest.Count > 0)
        {
            return true;
        }
        return service.IsBuiltHere
            && DockerfileModel.Load(Path.Combine(RepositoryRoot.Combine(service.BuildContext!), service.Dockerfile!)).Instructions.Any(i => i.Keyword == "HEALTHCHECK");
    }
}
