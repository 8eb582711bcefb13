using System.Globalization;
using System.Text.Json;
using Actors.Deployment.Tests.Configuration;
using Actors.Deployment.Tests.Templates;
using Actors.Hosting;
using Actors.Hosting.Health;
using Xunit;

namespace Actors.Deployment.Tests;

public sealed class EcsTaskDefinitionTests
{
    /// <summary>The longest <c>stopTimeout</c> Fargate allows.</summary>
    private const int FargateMaxStopTimeout = 120;

    public static TheoryData<string> TaskDefinitions => new(DeploymentFiles.TaskDefinitions);

    [Theory]
    [MemberData(nameof(TaskDefinitions))]
    public void Has_the_fields_a_fargate_task_needs(string path)
    {
        var task = DeploymentFiles.Rendered(path);
        Assert.False(string.IsNullOrWhiteSpace(task.GetProperty("family").GetString()), $"{path}: family");
        Assert.Equal("awsvpc", task.GetProperty("networkMode").GetString());
        Assert.Contains("FARGATE", task.GetProperty("requiresCompatibilities").EnumerateArray().Select(e => e.GetString()));
        Assert.True(int.Parse(task.GetProperty("cpu").GetString()!, CultureInfo.InvariantCulture) > 0);
        Assert.True(int.Parse(task.GetProperty("memory").GetString()!, CultureInfo.InvariantCulture) > 0);
        Assert.StartsWith("arn:aws:iam::", task.GetProperty("executionRoleArn").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("arn:aws:iam::", task.GetProperty("taskRoleArn").GetString(), StringComparison.Ordinal);
        var containers = task.GetProperty("containerDefinitions").EnumerateArray().ToList();
        Assert.NotEmpty(containers);
        foreach (var container in containers)
        {
            var name = container.GetProperty("name").GetString();
            Assert.False(string.IsNullOrWhiteSpace(container.GetProperty("image").GetString()), $"{path} {name}: image");
            Assert.True(container.GetProperty("essential").GetBoolean(), $"{path} {name}: essential");
            Assert.NotEmpty(container.GetProperty("portMappings").EnumerateArray());
            Assert.All(container.GetProperty("portMappings").EnumerateArray(), p => Assert.False(p.TryGetProperty("hostPort", out var host) && host.GetInt32() != p.GetProperty("containerPort").GetInt32(), "awsvpc: hostPort must equal containerPort"));
            var healthCheck = container.GetProperty("healthCheck");
            Assert.Equal("CMD", healthCheck.GetProperty("command")[0].GetString());
            foreach (var field in new[] { "interval", "timeout", "retries", "startPeriod" })
            {
                Assert.True(healthCheck.GetProperty(field).GetInt32() > 0, $"{path} {name}: healthCheck.{field}");
            }
            var logs = container.GetProperty("logConfiguration");
            Assert.Equal("awslogs", logs.GetProperty("logDriver").GetString());
            foreach (var option in new[] { "awslogs-group", "awslogs-region", "awslogs-stream-prefix" })
            {
                Assert.False(string.IsNullOrWhiteSpace(logs.GetProperty("options").GetProperty(option).GetString()), $"{path} {name}: logConfiguration {option}");
            }
            var stop = container.GetProperty("stopTimeout").GetInt32();
            Assert.InRange(stop, 2, FargateMaxStopTimeout);
        }
    }

    [Theory]
    [MemberData(nameof(TaskDefinitions))]
    public void Environment_and_secret_names_are_keys_the_programs_read(string path)
    {
        var known = KnownConfigurationKeys.FromPrograms();
        foreach (var container in DeploymentFiles.Rendered(path).GetProperty("containerDefinitions").EnumerateArray())
        {
            var names = Names(container, "environment").Concat(Names(container, "secrets")).ToList();
            Assert.NotEmpty(names);
            Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
            var unknown = known.Unknown(names);
            Assert.True(unknown.Count == 0, $"{path}: keys no program reads: {string.Join(", ", unknown)}");
            var errors = Environment(container).Select(e => known.ValueError(e.Key, e.Value)).OfType<string>().ToList();
            Assert.True(errors.Count == 0, $"{path}: {string.Join("; ", errors)}");
        }
    }

    [Theory]
    [MemberData(nameof(TaskDefinitions))]
    public void Health_check_probes_the_configured_and_mapped_health_port(string path)
    {
        foreach (var container in DeploymentFiles.Rendered(path).GetProperty("containerDefinitions").EnumerateArray())
        {
            var port = Environment(container)["Health__Port"];
            Assert.Equal(["CMD", "healthcheck", DetectionHealthExtensions.LivePath, port], container.GetProperty("healthCheck").GetProperty("command").EnumerateArray().Select(e => e.GetString()));
            Assert.Contains(port, container.GetProperty("portMappings").EnumerateArray().Select(p => p.GetProperty("containerPort").GetInt32().ToString(CultureInfo.InvariantCulture)));
        }
    }

    [Fact]
    public void Silo_gets_longer_to_stop_than_its_shutdown_timeout_and_maps_the_cluster_ports()
    {
        var silo = Container("deploy/ecs/silo.task-definition.json");
        var environment = Environment(silo);
        var shutdown = environment.TryGetValue("Cluster__ShutdownTimeout", out var configured) ? TimeSpan.Parse(configured, CultureInfo.InvariantCulture) : new DetectionClusterOptions().ShutdownTimeout;
        Assert.True(silo.GetProperty("stopTimeout").GetInt32() > shutdown.TotalSeconds, $"stopTimeout must exceed Cluster:ShutdownTimeout ({shutdown}), or ECS kills the silo before its grains are persisted.");
        var ports = silo.GetProperty("portMappings").EnumerateArray().Select(p => p.GetProperty("containerPort").GetInt32()).ToList();
        var cluster = new DetectionClusterOptions();
        var siloPort = environment.TryGetValue("Cluster__SiloPort", out var s) ? int.Parse(s, CultureInfo.InvariantCulture) : cluster.SiloPort;
        var gatewayPort = environment.TryGetValue("Cluster__GatewayPort", out var g) ? int.Parse(g, CultureInfo.InvariantCulture) : cluster.GatewayPort;
        Assert.Contains(siloPort, ports);
        Assert.Contains(gatewayPort, ports);
        Assert.Equal(nameof(MembershipKind.Redis), environment["Cluster__Membership"]);
        Assert.Equal(nameof(StorageKind.DynamoDB), environment["Cluster__Storage"]);
        Assert.False(environment.ContainsKey("Cluster__AdvertisedAddress"), "On ECS the silo advertises its task IP, discovered from the task metadata endpoint.");
        Assert.Contains("Admin__Secret", Names(silo, "secrets"));
        Assert.DoesNotContain("Admin__Secret", Names(silo, "environment"));
    }

    [Fact]
    public void Ingestor_runs_ingest_as_a_client_of_the_cluster()
    {
        var ingestor = Container("deploy/ecs/ingestor.task-definition.json");
        var command = ingestor.GetProperty("command").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Equal(["ingest", "--stream", Placeholders.Samples["STREAM_NAME"]], command);
        var errors = ProgramCommandLines.IngestorErrors(command);
        Assert.True(errors.Count == 0, $"'{string.Join(' ', command)}' does not parse: {string.Join("; ", errors)}");
        Assert.Equal("false", Environment(ingestor)["Ingestor__EmbeddedSilo"]);
        Assert.Equal(Environment(Container("deploy/ecs/silo.task-definition.json"))["Cluster__RedisConnectionString"], Environment(ingestor)["Cluster__RedisConnectionString"]);
    }

    [Fact]
    public void Silos_and_ingestors_share_one_data_plane_credential_from_a_secret()
    {
        var silo = Container("deploy/ecs/silo.task-definition.json");
        var ingestor = Container("deploy/ecs/ingestor.task-definition.json");
        Assert.Equal(SecretSource(silo, "DataPlane__Credential"), SecretSource(ingestor, "DataPlane__Credential"));
        Assert.DoesNotContain("DataPlane__Credential", Names(silo, "environment"));
        Assert.DoesNotContain("DataPlane__Credential", Names(ingestor, "environment"));
        Assert.NotEqual(SecretSource(silo, "Admin__Secret"), SecretSource(silo, "DataPlane__Credential"));
    }

    private static string SecretSource(JsonElement container, string name) =>
        container.GetProperty("secrets").EnumerateArray().Single(s => s.GetProperty("name").GetString() == name).GetProperty("valueFrom").GetString()!;

    [Fact]
    public void Images_come_from_the_repositories_the_execution_role_may_pull()
    {
        var policy = DeploymentFiles.Rendered("deploy/iam/execution-role-policy.json");
        var repositories = policy.GetProperty("Statement").EnumerateArray()
            .Where(s => IamPolicyTests.Actions(s).Contains("ecr:BatchGetImage"))
            .SelectMany(IamPolicyTests.Resources).ToList();
        foreach (var path in DeploymentFiles.TaskDefinitions)
        {
            var image = Container(path).GetProperty("image").GetString()!;
            var host = image.Split('/')[0];
            var repository = image[(host.Length + 1)..image.LastIndexOf(':')];
            Assert.Equal($"{Placeholders.Samples["ACCOUNT_ID"]}.dkr.ecr.{Placeholders.Samples["REGION"]}.amazonaws.com", host);
            Assert.Contains($"arn:aws:ecr:{Placeholders.Samples["REGION"]}:{Placeholders.Samples["ACCOUNT_ID"]}:repository/{repository}", repositories);
            Assert.EndsWith(":" + Placeholders.Samples["IMAGE_TAG"], image, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Secrets_and_logs_are_reachable_by_the_execution_role()
    {
        var statements = DeploymentFiles.Rendered("deploy/iam/execution-role-policy.json").GetProperty("Statement").EnumerateArray().ToList();
        foreach (var path in DeploymentFiles.TaskDefinitions)
        {
            var container = Container(path);
            foreach (var secret in container.TryGetProperty("secrets", out var secrets) ? secrets.EnumerateArray() : [])
            {
                var arn = secret.GetProperty("valueFrom").GetString();
                Assert.Contains(statements, s => IamPolicyTests.Actions(s).Contains("secretsmanager:GetSecretValue") && IamPolicyTests.Resources(s).Contains(arn));
            }
            var group = container.GetProperty("logConfiguration").GetProperty("options").GetProperty("awslogs-group").GetString();
            Assert.Contains(statements, s => IamPolicyTests.Actions(s).Contains("logs:PutLogEvents")
                && IamPolicyTests.Resources(s).Any(r => r.StartsWith($"arn:aws:logs:{Placeholders.Samples["REGION"]}:{Placeholders.Samples["ACCOUNT_ID"]}:log-group:{group}:", StringComparison.Ordinal)));
        }
    }

    [Fact]
    public void Services_run_on_private_subnets_behind_their_security_group_with_rolling_deployments()
    {
        foreach (var path in DeploymentFiles.ServiceDefinitions)
        {
            var service = DeploymentFiles.Rendered(path);
            var family = service.GetProperty("taskDefinition").GetString();
            Assert.Contains(DeploymentFiles.TaskDefinitions, t => DeploymentFiles.Rendered(t).GetProperty("family").GetString() == family);
            Assert.True(service.GetProperty("desiredCount").GetInt32() >= 2, $"{path}: run at least two for availability.");
            var deployment = service.GetProperty("deploymentConfiguration");
            Assert.True(deployment.GetProperty("maximumPercent").GetInt32() > deployment.GetProperty("minimumHealthyPercent").GetInt32());
            Assert.True(deployment.GetProperty("deploymentCircuitBreaker").GetProperty("rollback").GetBoolean());
            var network = service.GetProperty("networkConfiguration").GetProperty("awsvpcConfiguration");
            Assert.Equal("DISABLED", network.GetProperty("assignPublicIp").GetString());
            Assert.Single(network.GetProperty("securityGroups").EnumerateArray());
            Assert.True(network.GetProperty("subnets").GetArrayLength() >= 2, $"{path}: spread tasks over two availability zones.");
        }
    }

    [Fact]
    public void Every_placeholder_is_documented_and_templates_stay_valid_json_when_filled()
    {
        var readme = DeploymentFiles.Text("deploy/README.md");
        var templates = DeploymentFiles.Templates();
        Assert.True(templates.Count >= 8, "task definitions, service definitions and IAM policies");
        foreach (var path in templates)
        {
            var text = DeploymentFiles.Text(path);
            using (JsonDocument.Parse(text))
            {
            }
            foreach (var name in Placeholders.In(text))
            {
                Assert.Contains($"`${{{name}}}`", readme, StringComparison.Ordinal);
            }
            var rendered = Placeholders.Substitute(text);
            Assert.DoesNotContain("${", rendered, StringComparison.Ordinal);
            using (JsonDocument.Parse(rendered))
            {
            }
        }
    }

    internal static JsonElement Container(string path) => Assert.Single(DeploymentFiles.Rendered(path).GetProperty("containerDefinitions").EnumerateArray());

    internal static Dictionary<string, string> Environment(JsonElement container) =>
        container.GetProperty("environment").EnumerateArray().ToDictionary(e => e.GetProperty("name").GetString()!, e => e.GetProperty("value").GetString()!);

    private static IEnumerable<string> Names(JsonElement container, string property) =>
        container.TryGetProperty(property, out var list) ? list.EnumerateArray().Select(e => e.GetProperty("name").GetString()!) : [];
}
