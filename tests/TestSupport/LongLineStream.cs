namespace Actors.TestSupport;

/// <summary>
/// A read-only stream of <paramref name="head"/>, then one line of <paramref name="lineLength"/> filler bytes produced
/// on demand (never held: a line of several gigabytes costs no memory), then <paramref name="tail"/>.
/// </summary>
public sealed class LongLineStream(byte[] head, long lineLength, byte[] tail) : Stream
{
    private long _position;

    public long Length64 => head.Length + lineLength + tail.Length;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override int Read(Span<byte> buffer)
    {
        var written = 0;
        while (written < buffer.Length && _position < Length64)
        {
            var target = buffer[written..];
            int count;
            if (_position < head.Length)
            {
                count = Math.Min(target.Length, head.Length - (int)_position);
                head.AsSpan((int)_position, count).CopyTo(target);
            }
            else if (_position < head.Length + lineLength)
            {
                count = (int)Math.Min(target.Length, head.Length + lineLength - _position);
                target[..count].Fill((byte)'x');
            }
            else
            {
                var offset = (int)(_position - head.Length - lineLength);
                count = Math.Min(target.Length, tail.Length - offset);
                tail.AsSpan(offset, count).CopyTo(target);
            }
            written += count;
            _position += count;
        }
        return written;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
