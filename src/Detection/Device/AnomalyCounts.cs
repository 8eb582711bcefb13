using Actors.Grains.Interfaces;

namespace Actors.Detection.Device;

/// <summary>Anomalies a device has produced, by type: one counter per <see cref="AnomalyType"/> value, in a small array.</summary>
[GenerateSerializer, Alias("device-anomaly-counts")]
public sealed class AnomalyCounts
{
    /// <summary>The counters, indexed by the type's numeric value; types past the end have a count of 0.</summary>
    [Id(0)] public long[] ByType { get; set; } = [];

    /// <summary>How many anomalies of <paramref name="type"/> were counted.</summary>
    /// <param name="type">The anomaly type.</param>
    public long this[AnomalyType type] => (int)type < ByType.Length ? ByType[(int)type] : 0;

    /// <summary>Counts one anomaly of <paramref name="type"/>.</summary>
    /// <param name="type">The anomaly type.</param>
    public void Add(AnomalyType type)
    {
        var index = (int)type;
        ArgumentOutOfRangeException.ThrowIfNegative(index, nameof(type));
        if (index >= ByType.Length)
        {
            var grown = ByType;
            Array.Resize(ref grown, index + 1);
            ByType = grown;
        }

        ByType[index]++;
    }

    /// <summary>The types with a count, and their counts.</summary>
    public Dictionary<AnomalyType, long> ToDictionary()
    {
        var counts = new Dictionary<AnomalyType, long>();
        for (var i = 0; i < ByType.Length; i++)
        {
            if (ByType[i] != 0)
            {
                counts[(AnomalyType)i] = ByType[i];
            }
        }

        return counts;
    }
}
