namespace Actors.Detection.NoData;

/// <summary>
/// The devices of one watch shard by the step at which their silence ends, in buckets of equal steps, so a sweep only
/// touches the buckets that are due. A reading only moves a device's due step later in the dictionary (one int write);
/// the device stays in its old bucket until that bucket is swept, then moves once to the bucket of its new step. So a
/// device costs one bucket move per silence period however often it is fed, and a sweep costs the due buckets.
/// </summary>
/// <remarks>
/// A device whose alarm was raised is kept as the complement of its due step (negative) and in no bucket, until a
/// later reading resumes it. Every other device is in exactly one bucket, at or before its due step.
/// </remarks>
public sealed class SilenceWheel
{
    private readonly Dictionary<string, int> _due = new(StringComparer.Ordinal);
    private readonly SortedDictionary<int, List<string>> _buckets = [];

    /// <summary>Devices watched, raised ones included.</summary>
    public int Count => _due.Count;

    /// <summary>Devices whose alarm is raised.</summary>
    public int Raised { get; private set; }

    /// <summary>Buckets held (distinct due steps not yet swept).</summary>
    public int Buckets => _buckets.Count;

    /// <summary>
    /// The device's latest reading makes its silence end at step <paramref name="due"/>: a new device is added, a
    /// watched one moves later (never earlier: readings fed again after a failure change nothing), a raised one whose
    /// readings resumed is watched again.
    /// </summary>
    /// <returns>Whether anything changed.</returns>
    public bool Saw(string device, int due)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(due);
        if (!_due.TryGetValue(device, out var current))
        {
            Schedule(device, due);
            return true;
        }
        if (current < 0)
        {
            if (due <= ~current)
            {
                return false;
            }
            Raised--;
            Schedule(device, due);
            return true;
        }
        if (due <= current)
        {
            return false;
        }
        _due[device] = due;
        return true;
    }

    /// <summary>
    /// Takes up to <paramref name="max"/> devices whose silence ended at or before step <paramref name="now"/>, out of
    /// their buckets; each must then be given back with <see cref="Reschedule"/>, <see cref="MarkRaised"/> or
    /// <see cref="Forget"/>. Devices met on the way whose due step moved past <paramref name="now"/> go to their new bucket.
    /// </summary>
    public List<string> TakeDue(int now, int max)
    {
        var taken = new List<string>();
        while (taken.Count < max && _buckets.Count > 0)
        {
            var (step, devices) = _buckets.First();
            if (step > now)
            {
                break;
            }
            while (devices.Count > 0 && taken.Count < max)
            {
                var device = devices[^1];
                devices.RemoveAt(devices.Count - 1);
                if (_due.TryGetValue(device, out var due) && due >= 0)
                {
                    if (due <= now)
                    {
                        taken.Add(device);
                    }
                    else
                    {
                        Bucket(due).Add(device);
                    }
                }
            }
            if (devices.Count == 0)
            {
                _buckets.Remove(step);
            }
        }
        return taken;
    }

    /// <summary>A taken device is watched until step <paramref name="due"/> (its device said so, or its check failed and is retried).</summary>
    public void Reschedule(string device, int due) => Schedule(device, Math.Max(due, 0));

    /// <summary>A taken device's alarm was raised for the silence ending at step <paramref name="due"/>.</summary>
    public void MarkRaised(string device, int due)
    {
        _due[device] = ~Math.Max(due, 0);
        Raised++;
    }

    /// <summary>A taken device is no longer watched (no silence applies to it, or it has no readings).</summary>
    public void Forget(string device) => _due.Remove(device);

    /// <summary>The due step of a device that is watched and not taken; negative (the complement) when raised.</summary>
    public bool TryGetDue(string device, out int due) => _due.TryGetValue(device, out due);

    /// <summary>Every device with its due step (complemented when raised), for storage.</summary>
    public (string[] Devices, int[] Due) Export()
    {
        var devices = new string[_due.Count];
        var due = new int[_due.Count];
        var i = 0;
        foreach (var (device, step) in _due)
        {
            devices[i] = device;
            due[i++] = step;
        }
        return (devices, due);
    }

    /// <summary>Adds what <see cref="Export"/> gave; a device already held keeps the later step.</summary>
    public void Import(string[] devices, int[] due)
    {
        for (var i = 0; i < devices.Length; i++)
        {
            if (due[i] >= 0)
            {
                Saw(devices[i], due[i]);
            }
            else if (!_due.ContainsKey(devices[i]))
            {
                MarkRaised(devices[i], ~due[i]);
            }
        }
    }

    private void Schedule(string device, int due)
    {
        _due[device] = due;
        Bucket(due).Add(device);
    }

    private List<string> Bucket(int step)
    {
        if (!_buckets.TryGetValue(step, out var devices))
        {
            _buckets[step] = devices = [];
        }
        return devices;
    }
}
