namespace Actors.Deployment.Tests.Yaml;

/// <summary>One meaningful line of a YAML file: its 1-based number, its indentation and its text without comment.</summary>
internal readonly record struct YamlLine(int Number, int Indent, string Text);
