using Actors.Grains.Interfaces;

namespace Actors.Detection.Spc;

/// <summary>
/// The position counted so far in each source that fed a product (see <see cref="SourcePosition"/>), so a source read
/// again from its last checkpoint after a crash counts each reading once. Bounded by the number of sources (Kinesis
/// shards, replay runs), never by the number of devices: at most <see cref="MaxSources"/>, the least recently advanced
/// source is forgotten first.
/// </summary>
[GenerateSerializer, Alias("spc-source-watermarks")]
public sealed class SourceWatermarks
{
    /// <summary>Sources remembered; a stream has at most a few hundred open shards, a replay is one source.</summary>
    public const int MaxSources = 1024;

    [Id(0)] private Dictionary<string, Mark> _marks = [];
    [Id(1)] private long _advances;

    /// <summary>Sources remembered.</summary>
    public int Count => _marks.Count;

    /// <summary>The position counted so far in <paramref name="source"/>, or null when none is remembered.</summary>
    public string? Of(string source) => _marks.TryGetValue(source, out var mark) ? mark.Position : null;

    /// <summary>Whether <paramref name="position"/> comes after the position counted so far in <paramref name="source"/>.</summary>
    public bool IsNew(string source, string position) => SourcePosition.Compare(position, Of(source)) > 0;

    /// <summary>Moves <paramref name="source"/> to <paramref name="position"/>.</summary>
    public void Advance(string source, string position)
    {
        if (!_marks.ContainsKey(source) && _marks.Count >= MaxSources)
        {
            _marks.Remove(_marks.MinBy(m => m.Value.Order).Key);
        }
        _marks[source] = new Mark(position, ++_advances);
    }

    [GenerateSerializer, Immutable, Alias("spc-source-mark")]
    internal readonly record struct Mark([property: Id(0)] string Position, [property: Id(1)] long Order);
}
