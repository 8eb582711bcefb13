using System.Text;
using System.Xml;
using System.Xml.Linq;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Actors.Aws.Sns;

/// <summary>
/// <see cref="ISnsClient"/> over the SNS Query API (form-encoded <c>POST</c>, XML answers), signed with
/// AWSSDK.Core's SigV4 signer and credentials from its default chain, with retries as <see cref="AwsOptions"/> says.
/// </summary>
public sealed class SnsClient : ISnsClient
{
    /// <summary>SNS accepts at most this many message attributes per message.</summary>
    public const int MaxMessageAttributes = 10;

    private const string ApiVersion = "2010-03-31";
    private const string ContentType = "application/x-www-form-urlencoded; charset=utf-8";

    private readonly AwsRequestSender _sender;

    /// <summary>Creates a client.</summary>
    /// <param name="httpClient">The HTTP client to send with; the caller owns it.</param>
    /// <param name="options">Endpoint, region and retries.</param>
    /// <param name="logger">Where retries are logged.</param>
    public SnsClient(HttpClient httpClient, IOptions<AwsOptions> options, ILogger<SnsClient> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _sender = new AwsRequestSender(
            "sns",
            httpClient,
            options.Value,
            static (status, _, body) => AwsQueryErrorReader.Read(status, body),
            logger);
    }

    /// <inheritdoc />
    public async Task<string> CreateTopicAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        List<KeyValuePair<string, string>> parameters = [new("Name", name)];
        if (SnsFifoKeys.IsFifoTopic(name))
        {
            parameters.Add(new("Attributes.entry.1.key", "FifoTopic"));
            parameters.Add(new("Attributes.entry.1.value", "true"));
        }
        var answer = await CallAsync("CreateTopic", parameters, cancellationToken).ConfigureAwait(false);
        return Required(answer, "TopicArn", "CreateTopic");
    }

    /// <inheritdoc />
    public async Task<string> PublishAsync(
        string topicArn,
        string? subject,
        string message,
        IReadOnlyDictionary<string, string>? stringAttributes = null,
        SnsFifoKeys? fifo = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(topicArn);
        ArgumentException.ThrowIfNullOrEmpty(message);
        var parameters = new List<KeyValuePair<string, string>> { new("TopicArn", topicArn), new("Message", message) };
        if (fifo is not null)
        {
            parameters.Add(new("MessageGroupId", fifo.MessageGroupId));
            parameters.Add(new("MessageDeduplicationId", fifo.DeduplicationId));
        }
        if (subject is not null)
        {
            parameters.Add(new("Subject", subject));
        }
        if (stringAttributes is { Count: > 0 })
        {
            if (stringAttributes.Count > MaxMessageAttributes)
            {
                throw new ArgumentException($"SNS takes at most {MaxMessageAttributes} message attributes (got {stringAttributes.Count}).", nameof(stringAttributes));
            }
            var number = 0;
            foreach (var (name, value) in stringAttributes.OrderBy(attribute => attribute.Key, StringComparer.Ordinal))
            {
                if (string.IsNullOrEmpty(name) || string.IsNullOrEmpty(value))
                {
                    throw new ArgumentException($"Message attribute '{name}' needs a non-empty name and value.", nameof(stringAttributes));
                }
                number++;
                var prefix = $"MessageAttributes.entry.{number}.";
                parameters.Add(new(prefix + "Name", name));
                parameters.Add(new(prefix + "Value.DataType", "String"));
                parameters.Add(new(prefix + "Value.StringValue", value));
            }
        }
        var answer = await CallAsync("Publish", parameters, cancellationToken).ConfigureAwait(false);
        return Required(answer, "MessageId", "Publish");
    }

    /// <inheritdoc />
    public async Task<string> SubscribeAsync(
        string topicArn,
        string protocol,
        string endpoint,
        bool rawMessageDelivery = false,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(topicArn);
        ArgumentException.ThrowIfNullOrEmpty(protocol);
        ArgumentException.ThrowIfNullOrEmpty(endpoint);
        var parameters = new List<KeyValuePair<string, string>>
        {
            new("TopicArn", topicArn),
            new("Protocol", protocol),
            new("Endpoint", endpoint),
            new("ReturnSubscriptionArn", "true"),
        };
        if (rawMessageDelivery)
        {
            parameters.Add(new("Attributes.entry.1.key", "RawMessageDelivery"));
            parameters.Add(new("Attributes.entry.1.value", "true"));
        }
        var answer = await CallAsync("Subscribe", parameters, cancellationToken).ConfigureAwait(false);
        return Required(answer, "SubscriptionArn", "Subscribe");
    }

    /// <inheritdoc />
    public async Task DeleteTopicAsync(string topicArn, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(topicArn);
        await CallAsync("DeleteTopic", [new("TopicArn", topicArn)], cancellationToken).ConfigureAwait(false);
    }

    private async Task<XDocument?> CallAsync(string action, List<KeyValuePair<string, string>> parameters, CancellationToken cancellationToken)
    {
        var form = new StringBuilder();
        form.Append("Action=").Append(Uri.EscapeDataString(action)).Append("&Version=").Append(ApiVersion);
        foreach (var (name, value) in parameters)
        {
            form.Append('&').Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        }
        var call = new AwsCall(action, ContentType, Encoding.UTF8.GetBytes(form.ToString()), []);
        var body = await _sender.SendAsync(call, cancellationToken).ConfigureAwait(false);
        if (body.Length == 0)
        {
            return null;
        }
        try
        {
            using var stream = new MemoryStream(body, writable: false);
            return XDocument.Load(stream);
        }
        catch (XmlException error)
        {
            throw new AwsServiceException("sns", AwsErrorCodes.MalformedResponse, $"sns {action} answered with a body that is not XML: {error.Message}", error);
        }
    }

    private static string Required(XDocument? answer, string elementName, string action) =>
        answer?.Descendants().FirstOrDefault(element => element.Name.LocalName == elementName)?.Value is { Length: > 0 } value
            ? value
            : throw new AwsServiceException("sns", AwsErrorCodes.MalformedResponse, $"sns {action} answer has no {elementName}.");
}
