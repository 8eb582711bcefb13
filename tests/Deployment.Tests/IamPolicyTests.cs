using System.Text.Json;
using Actors.Deployment.Tests.Templates;
using Xunit;

namespace Actors.Deployment.Tests;

/// <summary>Least privilege: each role may do what its program does, on the resources it is configured with, and no more.</summary>
public sealed class IamPolicyTests
{
    /// <summary>The actions each permission policy may grant (what the program's code calls).</summary>
    private static readonly Dictionary<string, string[]> AllowedActions = new(StringComparer.Ordinal)
    {
        // DynamoDBGrainStorage (Describe/Get/Put/Delete; CreateTable only when DynamoDB:CreateIfNotExists, which the
        // deployment turns off), SnsNotificationSink (Publish), AnomalyStreamNotificationSink via KinesisPutter (PutRecords).
        ["deploy/iam/silo-task-role-policy.json"] =
            ["dynamodb:DescribeTable", "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:DeleteItem", "sns:Publish", "kinesis:PutRecords"],
        // KinesisIngestWorker and KinesisShardReader; leases and checkpoints live in grains, dead letters in a local file.
        ["deploy/iam/ingestor-task-role-policy.json"] =
            ["kinesis:DescribeStreamSummary", "kinesis:ListShards", "kinesis:GetShardIterator", "kinesis:GetRecords"],
        // What ECS itself needs to start a task: pull the image, write awslogs, read the secrets it injects.
        ["deploy/iam/execution-role-policy.json"] =
            ["ecr:GetAuthorizationToken", "ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage", "logs:CreateLogStream", "logs:PutLogEvents", "secretsmanager:GetSecretValue"],
    };

    /// <summary>Actions AWS only authorizes on every resource.</summary>
    private static readonly string[] ResourceLessActions = ["ecr:GetAuthorizationToken"];

    private const string TrustPolicy = "deploy/iam/ecs-tasks-trust-policy.json";

    public static TheoryData<string> Policies => new(AllowedActions.Keys);

    [Fact]
    public void Every_policy_file_is_checked_here()
    {
        var files = DeploymentFiles.Templates().Where(t => t.StartsWith("deploy/iam/", StringComparison.Ordinal)).ToList();
        Assert.Equal(AllowedActions.Keys.Append(TrustPolicy).Order(StringComparer.Ordinal), files);
    }

    [Theory]
    [MemberData(nameof(Policies))]
    public void Grants_only_the_listed_actions_on_specific_resources(string path)
    {
        var violations = Violations(DeploymentFiles.Rendered(path), AllowedActions[path]);
        Assert.True(violations.Count == 0, $"{path}: {string.Join("; ", violations)}");
    }

    [Fact]
    public void A_wildcard_resource_or_an_unlisted_action_is_reported()
    {
        using var policy = JsonDocument.Parse("""
            {"Version":"2012-10-17","Statement":[
              {"Effect":"Allow","Action":["dynamodb:GetItem","dynamodb:Scan"],"Resource":"*"},
              {"Effect":"Allow","Action":"dynamodb:*","Resource":"arn:aws:dynamodb:eu-west-1:123456789012:table/*"}]}
            """);

        var violations = Violations(policy.RootElement, ["dynamodb:GetItem"]);

        Assert.Contains(violations, v => v.Contains("dynamodb:Scan", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("resource '*'", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("dynamodb:*", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("table/*", StringComparison.Ordinal));
    }

    [Fact]
    public void Silo_role_covers_exactly_the_table_topic_and_stream_the_silo_is_configured_with()
    {
        var environment = EcsTaskDefinitionTests.Environment(EcsTaskDefinitionTests.Container("deploy/ecs/silo.task-definition.json"));
        var statements = Statements("deploy/iam/silo-task-role-policy.json");
        var prefix = $"{Placeholders.Samples["REGION"]}:{Placeholders.Samples["ACCOUNT_ID"]}";

        Assert.Equal([$"arn:aws:dynamodb:{prefix}:table/{environment["DynamoDB__TableName"]}"], ResourcesOf(statements, "dynamodb:"));
        Assert.Equal([environment["Sns__TopicArn"]], ResourcesOf(statements, "sns:"));
        var sinks = environment.Where(e => e.Key.StartsWith("Notifier__Sinks__", StringComparison.Ordinal)).Select(e => e.Value).ToList();
        Assert.Contains("sns", sinks);
        Assert.Equal(
            sinks.Contains("kinesis") ? [$"arn:aws:kinesis:{prefix}:stream/{environment["AnomalyStream__StreamName"]}"] : [],
            ResourcesOf(statements, "kinesis:"));
        Assert.Equal("false", environment["DynamoDB__CreateIfNotExists"]);
    }

    [Fact]
    public void Ingestor_role_reads_exactly_the_stream_it_ingests()
    {
        var command = EcsTaskDefinitionTests.Container("deploy/ecs/ingestor.task-definition.json").GetProperty("command").EnumerateArray().Select(e => e.GetString()).ToList();
        var stream = command[command.IndexOf("--stream") + 1];
        var statements = Statements("deploy/iam/ingestor-task-role-policy.json");

        Assert.Equal([$"arn:aws:kinesis:{Placeholders.Samples["REGION"]}:{Placeholders.Samples["ACCOUNT_ID"]}:stream/{stream}"], ResourcesOf(statements, "kinesis:"));
        Assert.Equal(AllowedActions["deploy/iam/ingestor-task-role-policy.json"].Order(), statements.SelectMany(Actions).Distinct().Order());
    }

    [Fact]
    public void Only_ecs_tasks_of_this_account_may_assume_the_roles()
    {
        var statement = Assert.Single(DeploymentFiles.Rendered(TrustPolicy).GetProperty("Statement").EnumerateArray());
        Assert.Equal("Allow", statement.GetProperty("Effect").GetString());
        Assert.Equal("sts:AssumeRole", statement.GetProperty("Action").GetString());
        Assert.Equal("ecs-tasks.amazonaws.com", statement.GetProperty("Principal").GetProperty("Service").GetString());
        Assert.Equal(Placeholders.Samples["ACCOUNT_ID"], statement.GetProperty("Condition").GetProperty("StringEquals").GetProperty("aws:SourceAccount").GetString());
    }

    internal static IReadOnlyList<string> Actions(JsonElement statement) => Strings(statement.GetProperty("Action"));

    internal static IReadOnlyList<string> Resources(JsonElement statement) => Strings(statement.GetProperty("Resource"));

    private static List<string> Violations(JsonElement policy, IReadOnlyCollection<string> allowed)
    {
        var violations = new List<string>();
        if (policy.GetProperty("Version").GetString() != "2012-10-17")
        {
            violations.Add("Version must be 2012-10-17");
        }
        foreach (var statement in policy.GetProperty("Statement").EnumerateArray())
        {
            var actions = Actions(statement);
            if (statement.GetProperty("Effect").GetString() != "Allow" || statement.TryGetProperty("NotAction", out _) || statement.TryGetProperty("NotResource", out _))
            {
                violations.Add($"statement {string.Join(",", actions)}: only plain Allow statements are expected");
            }
            violations.AddRange(actions.Where(a => !allowed.Contains(a)).Select(a => $"action {a} is not one the program needs"));
            foreach (var resource in Resources(statement))
            {
                var resourceLess = actions.All(a => ResourceLessActions.Contains(a));
                if (resource == "*" && !resourceLess)
                {
                    violations.Add($"resource '*' for {string.Join(",", actions)}");
                }
                else if (resource != "*" && (!resource.StartsWith("arn:aws:", StringComparison.Ordinal) || (resource.Contains('*', StringComparison.Ordinal) && !resource.EndsWith(":log-stream:*", StringComparison.Ordinal))))
                {
                    violations.Add($"resource '{resource}' is not one specific ARN");
                }
            }
        }
        return violations;
    }

    private static List<JsonElement> Statements(string path) => DeploymentFiles.Rendered(path).GetProperty("Statement").EnumerateArray().ToList();

    private static List<string> ResourcesOf(IEnumerable<JsonElement> statements, string service) =>
        statements.Where(s => Actions(s).Any(a => a.StartsWith(service, StringComparison.Ordinal))).SelectMany(Resources).Distinct().ToList();

    private static List<string> Strings(JsonElement element) =>
        element.ValueKind == JsonValueKind.Array ? element.EnumerateArray().Select(e => e.GetString()!).ToList() : [element.GetString()!];
}
