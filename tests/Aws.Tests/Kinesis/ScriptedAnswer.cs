namespace Actors.Aws.Tests.Kinesis;

/// <summary>One canned HTTP answer of a <see cref="ScriptedAwsEndpoint"/>.</summary>
public sealed record ScriptedAnswer(int Status, string ContentType, string Body)
{
    public static ScriptedAnswer Json(int status, string body) => new(status, "application/x-amz-json-1.1", body);

    public static ScriptedAnswer Xml(int status, string body) => new(status, "text/xml", body);

    public static ScriptedAnswer Html(int status) => new(status, "text/html", "<html><body><h1>Internal Server Error</h1></body></html>");
}
