using System.Buffers;
using System.Collections.Concurrent;
using Actors.Detection.Parsing;
using Actors.Grains.Interfaces;
using Xunit;
using Xunit.Abstractions;

namespace Actors.Detection.Tests.Parsing;

public sealed class TempProbeTests(ITestOutputHelper output)
{
    [Fact]
    public void Probe()
    {
        const int N = 300_000;
        var sw = new Cpu();
        for (var i = 0; i < N; i++) { var a = ArrayPool<Metric>.Shared.Rent(16); ArrayPool<Metric>.Shared.Return(a, true); }
        output.WriteLine($"pool: {sw.Elapsed.TotalNanoseconds / N}");
        var cd = new ConcurrentDictionary<byte[], string>(new Cmp());
        var lookup = cd.GetAlternateLookup<ReadOnlySpan<byte>>();
        lookup.TryAdd("thickness"u8, "thickness");
        sw.Restart();
        for (var i = 0; i < N; i++) { lookup.TryGetValue("thickness"u8, out _); }
        output.WriteLine($"lookup: {sw.Elapsed.TotalNanoseconds / N}");
        sw.Restart();
        var h = 0;
        for (var i = 0; i < N; i++) { var hc = new HashCode(); hc.AddBytes("thickness"u8); h += hc.ToHashCode(); }
        output.WriteLine($"hash: {sw.Elapsed.TotalNanoseconds / N} {h}");
        var parser = new ReadingParser(new ReadingParserOptions());
        sw.Restart();
        for (var i = 0; i < N; i++) Utf8Timestamp.TryParse("2026-02-17 12:00:34"u8, out _);
        output.WriteLine($"ts: {sw.Elapsed.TotalNanoseconds / N}");
        sw.Restart();
        for (var i = 0; i < N; i++) Utf8Timestamp.TryParse("1491869809384"u8, out _);
        output.WriteLine($"tsms: {sw.Elapsed.TotalNanoseconds / N}");
        foreach (var json in new[] { """{"timestamp": "2026-02-17 12:00:34", "machine_id": 1, "t": 1}""", """{"timestamp": "1491869809384", "machine_id": 1, "t": 1}""", """{"timestamp": "x", "machine_id": 1, "t": 1}""", """{"timestamp": 1, "machine_id": 1, "t": 1}""" })
        {
            var record = System.Text.Encoding.UTF8.GetBytes(json);
            for (var i = 0; i < 1000; i++) parser.Parse(record);
            sw.Restart();
            for (var i = 0; i < N; i++) parser.Parse(record);
            output.WriteLine($"parse: {sw.Elapsed.TotalNanoseconds / N} {json}");
            sw.Restart();
            for (var i = 0; i < N; i++) { var r = new System.Text.Json.Utf8JsonReader(record); while (r.Read()) { } }
            output.WriteLine($"raw: {sw.Elapsed.TotalNanoseconds / N}");
        }
    }

    private sealed class Cpu
    {
        private TimeSpan _start = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        public void Restart() => _start = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        public TimeSpan Elapsed => System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - _start;
    }

    private sealed class Cmp : IEqualityComparer<byte[]>, IAlternateEqualityComparer<ReadOnlySpan<byte>, byte[]>
    {
        public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);
        public int GetHashCode(byte[] obj) => H(obj);
        public bool Equals(ReadOnlySpan<byte> alternate, byte[] other) => alternate.SequenceEqual(other);
        public int GetHashCode(ReadOnlySpan<byte> alternate) => H(alternate);
        public byte[] Create(ReadOnlySpan<byte> alternate) => alternate.ToArray();
        private static int H(ReadOnlySpan<byte> b) { var hc = new HashCode(); hc.AddBytes(b); return hc.ToHashCode(); }
    }
}
