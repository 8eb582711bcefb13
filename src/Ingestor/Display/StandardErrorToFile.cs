namespace Actors.Ingestor.Display;

/// <summary>
/// Sends what the process writes to standard error (the console logger's output) to a file until disposed, so that log
/// lines cannot garble a live display on the terminal. Open it before the host is built: the console logger takes
/// <see cref="Console.Error"/> when it is created.
/// </summary>
public sealed class StandardErrorToFile : IDisposable
{
    private readonly TextWriter _original = Console.Error;
    private readonly StreamWriter _file;

    /// <param name="path">The file, replaced if it exists.</param>
    public StandardErrorToFile(string path)
    {
        Path = path;
        _file = new StreamWriter(path, append: false) { AutoFlush = true };
        Console.SetError(TextWriter.Synchronized(_file));
    }

    /// <summary>Where standard error goes.</summary>
    public string Path { get; }

    /// <summary>Standard error goes back where it went before.</summary>
    public void Dispose()
    {
        Console.SetError(_original);
        _file.Dispose();
    }
}
