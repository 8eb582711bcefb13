namespace Actors.Hosting.Sinks;

/// <summary>The <c>sns</c> notification sink (configuration section <c>Sns</c>).</summary>
public sealed class SnsSinkOptions
{
    public const string SectionName = "Sns";

    /// <summary>ARN of the topic notifications are published to. Required when <c>Notifier:Sinks</c> contains <c>sns</c>.</summary>
    public string? TopicArn { get; set; }
}
