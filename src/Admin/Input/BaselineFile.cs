using Actors.Admin.Output;
using Actors.Detection.Baselines;
using Actors.Grains.Interfaces;

namespace Actors.Admin.Input;

/// <summary>A baseline NDJSON file read line by line with <see cref="BaselineParser"/>: the limits of the valid lines and the rejected lines with their numbers.</summary>
public sealed class BaselineFile
{
    private BaselineFile(List<ControlLimits> limits, List<RejectedLineReport> rejected)
    {
        Limits = limits;
        Rejected = rejected;
    }

    /// <summary>The limits of the valid lines, in file order.</summary>
    public IReadOnlyList<ControlLimits> Limits { get; }

    /// <summary>The lines that are not valid baseline records (blank lines are skipped, not rejected).</summary>
    public IReadOnlyList<RejectedLineReport> Rejected { get; }

    /// <summary>Reads <paramref name="path"/>; a missing file is bad input.</summary>
    public static async Task<BaselineFile> ReadAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw AdminCommandException.BadInput($"file not found: {path}");
        }
        var limits = new List<ControlLimits>();
        var rejected = new List<RejectedLineReport>();
        var number = 0;
        foreach (var line in await File.ReadAllLinesAsync(path, cancellationToken))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            try
            {
                limits.Add(BaselineParser.Parse(line));
            }
            catch (FormatException ex)
            {
                rejected.Add(new RejectedLineReport { Line = number, Reason = ex.Message });
            }
        }
        return new BaselineFile(limits, rejected);
    }
}
