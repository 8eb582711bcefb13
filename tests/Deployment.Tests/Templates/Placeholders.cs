using System.Text.RegularExpressions;

namespace Actors.Deployment.Tests.Templates;

/// <summary>The <c>${NAME}</c> placeholders of the deploy/ templates, as <c>envsubst</c> fills them.</summary>
public static partial class Placeholders
{
    /// <summary>A value for every placeholder the templates may use; README.md documents each one.</summary>
    public static IReadOnlyDictionary<string, string> Samples { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["ACCOUNT_ID"] = "123456789012",
        ["REGION"] = "eu-west-1",
        ["IMAGE_TAG"] = "1.4.0",
        ["ECS_CLUSTER"] = "iot-detection",
        ["SUBNET_A"] = "subnet-0a1b2c3d4e5f60001",
        ["SUBNET_B"] = "subnet-0a1b2c3d4e5f60002",
        ["SILO_SG"] = "sg-0a1b2c3d4e5f60001",
        ["INGESTOR_SG"] = "sg-0a1b2c3d4e5f60002",
        ["REDIS_ENDPOINT"] = "master.iot-detection.abc123.euw1.cache.amazonaws.com",
        ["TABLE_NAME"] = "iot-grain-state",
        ["STREAM_NAME"] = "readings",
        ["ANOMALY_STREAM_NAME"] = "anomalies",
        ["TOPIC_NAME"] = "iot-anomalies",
        ["ADMIN_SECRET_ARN"] = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:iot-detection/admin-secret-AbCdEf",
        ["DATA_PLANE_CREDENTIAL_ARN"] = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:iot-detection/data-plane-credential-GhIjKl",
        ["OTLP_ENDPOINT"] = "http://otel-collector.iot-detection.local:4317",
    };

    public static IReadOnlySet<string> In(string text) => Pattern().Matches(text).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    /// <summary>Replaces every placeholder by its sample value; throws for one without a sample.</summary>
    public static string Substitute(string text) =>
        Pattern().Replace(text, m => Samples.TryGetValue(m.Groups[1].Value, out var value)
            ? value
            : throw new KeyNotFoundException($"Placeholder ${{{m.Groups[1].Value}}} has no sample value in {nameof(Placeholders)}.{nameof(Samples)}."));

    [GeneratedRegex(@"\$\{([A-Z][A-Z0-9_]*)\}")]
    private static partial Regex Pattern();
}
