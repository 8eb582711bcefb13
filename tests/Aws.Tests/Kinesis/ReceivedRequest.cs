namespace Actors.Aws.Tests.Kinesis;

/// <summary>One request a <see cref="ScriptedAwsEndpoint"/> received.</summary>
public sealed record ReceivedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string Header(string name) => Headers.TryGetValue(name, out var value) ? value : string.Empty;
}
