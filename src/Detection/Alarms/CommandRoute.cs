namespace Actors.Detection.Alarms;

/// <summary>
/// Where the command of one rule and state goes and what it says (<c>Commands:Rules:{Rule}:{State}</c>): exactly one of
/// an SNS topic (for an AWS IoT rule or a Lambda function to forward to the device) or a Kinesis stream.
/// </summary>
public sealed class CommandRoute
{
    /// <summary>SNS topic ARN to publish the command to (a FIFO topic deduplicates one sent again after a crash).</summary>
    public string? TopicArn { get; set; }

    /// <summary>Kinesis stream to put the command on, keyed by device.</summary>
    public string? StreamName { get; set; }

    /// <summary>
    /// The command's payload: names and values, e.g. <c>Payload:action=stop</c>. A value may hold the placeholders
    /// <c>{DeviceId}</c>, <c>{ProductId}</c>, <c>{Metric}</c>, <c>{Rule}</c>, <c>{State}</c> and <c>{Severity}</c>.
    /// </summary>
    public Dictionary<string, string> Payload { get; set; } = new(StringComparer.Ordinal);
}
