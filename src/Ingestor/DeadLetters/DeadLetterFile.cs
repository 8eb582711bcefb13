using System.Buffers;
using System.Text.Json;
using Actors.Ingestor.Kinesis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Actors.Ingestor.DeadLetters;

/// <summary>
/// Appends every rejected record to a file (<see cref="KinesisIngestOptions.DeadLetterPath"/> for <c>ingest</c>) as one
/// JSON object per line (<see cref="DeadLetterJsonContext"/>), data in base64. The file is opened on the first rejection
/// and flushed after every batch.
/// </summary>
public sealed class DeadLetterFile(string path) : IDeadLetterSink, IAsyncDisposable, IDisposable
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private readonly ArrayBufferWriter<byte> _buffer = new();
    private FileStream? _file;
    private long _written;

    /// <summary>The file <see cref="KinesisIngestOptions.DeadLetterPath"/>.</summary>
    [ActivatorUtilitiesConstructor]
    public DeadLetterFile(IOptions<KinesisIngestOptions> options)
        : this(options.Value.DeadLetterPath)
    {
    }

    /// <summary>The file's full path.</summary>
    public string Path { get; } = System.IO.Path.GetFullPath(path);

    /// <summary>Records written so far.</summary>
    public long Written => Interlocked.Read(ref _written);

    /// <inheritdoc />
    public async Task WriteAsync(IReadOnlyList<DeadLetter> letters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(letters);
        if (letters.Count == 0)
        {
            return;
        }
        await _lock.WaitAsync(cancellationToken);
        try
        {
            _buffer.ResetWrittenCount();
            foreach (var letter in letters)
            {
                WriteLine(letter);
            }
            _file ??= Open();
            await _file.WriteAsync(_buffer.WrittenMemory, cancellationToken);
            await _file.FlushAsync(cancellationToken);
            Interlocked.Add(ref _written, letters.Count);
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Closes the file.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_file is not null)
        {
            await _file.DisposeAsync();
        }
        _lock.Dispose();
    }

    /// <summary>Closes the file.</summary>
    public void Dispose()
    {
        _file?.Dispose();
        _lock.Dispose();
    }

    private FileStream Open()
    {
        if (System.IO.Path.GetDirectoryName(Path) is { Length: > 0 } directory)
        {
            Directory.CreateDirectory(directory);
        }
        return new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
    }

    private void WriteLine(DeadLetter letter)
    {
        using (var json = new Utf8JsonWriter(_buffer))
        {
            JsonSerializer.Serialize(json, letter, DeadLetterJsonContext.Default.DeadLetter);
        }
        _buffer.Write("\n"u8);
    }
}
