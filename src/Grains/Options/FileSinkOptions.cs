namespace Actors.Grains.Options;

/// <summary>The <c>file</c> notification sink (configuration section <c>Notifier:File</c>).</summary>
public sealed class FileSinkOptions
{
    public const string SectionName = "Notifier:File";

    /// <summary>NDJSON file each notification is appended to. Default <c>notifications.ndjson</c> in the working directory.</summary>
    public string Path { get; set; } = "notifications.ndjson";
}
