namespace Actors.Hosting.CommandLine;

/// <summary>Command descriptions that end with examples, so every <c>--help</c> shows how the command is called.</summary>
public static class HelpText
{
    /// <summary><paramref name="description"/> followed by an "Examples:" block of <paramref name="examples"/>.</summary>
    public static string WithExamples(string description, params string[] examples) =>
        $"{description}{Environment.NewLine}{Environment.NewLine}Examples:{string.Concat(examples.Select(e => $"{Environment.NewLine}  {e}"))}";
}
