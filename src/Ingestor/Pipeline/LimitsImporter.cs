using Actors.Detection.Baselines;
using Actors.Grains.Interfaces;
using Microsoft.Extensions.Logging;

namespace Actors.Ingestor.Pipeline;

/// <summary>Imports control limits from a baseline NDJSON file into the product grains.</summary>
public sealed partial class LimitsImporter(IGrainFactory grains, ILogger<LimitsImporter> logger)
{
    /// <summary>Returns how many lines were imported and how many were rejected (each rejection is logged with its line).</summary>
    public async Task<(int Imported, int Rejected)> ImportAsync(string path, CancellationToken cancellationToken)
    {
        var byProduct = new Dictionary<string, List<ControlLimits>>();
        var rejected = 0;
        var lineNumber = 0;
        foreach (var line in await File.ReadAllLinesAsync(path, cancellationToken))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            try
            {
                var limits = BaselineParser.Parse(line);
                if (!byProduct.TryGetValue(limits.ProductId, out var list))
                {
                    byProduct[limits.ProductId] = list = [];
                }
                list.Add(limits);
            }
            catch (FormatException ex)
            {
                rejected++;
                LogRejected(logger, path, lineNumber, ex.Message);
            }
        }
        await Task.WhenAll(byProduct.Select(p => grains.GetGrain<IProductGrain>(p.Key).ImportLimits([.. p.Value])));
        return (byProduct.Values.Sum(l => l.Count), rejected);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected baseline line {Path}:{Line}: {Reason}")]
    private static partial void LogRejected(ILogger logger, string path, int line, string reason);
}
