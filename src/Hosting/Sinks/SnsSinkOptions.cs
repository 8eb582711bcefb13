namespace Actors.Hosting.Sinks;

/// <summary>The <c>sns</c> notification sink (configuration section <c>Sns</c>).</summary>
public sealed class SnsSinkOptions
{
    public const string SectionName = "Sns";

    /// <summary>ARN of the topic notifications are published to. Required when <c>Notifier:Sinks</c> contains <c>sns</c>.</summary>
    public string? TopicArn { get; set; }

    /// <summary>
    /// ARN of a second topic that escalated alarm notifications (active and unacknowledged for longer than the rule's
    /// <c>Alarms:Rules:{Rule}:EscalateAfter</c>) are also published to. Default none.
    /// </summary>
    public string? EscalationTopicArn { get; set; }
}
