using Actors.Grains.Interfaces;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace Actors.Grains.Silences;

/// <summary>
/// Holds the cluster's silences and writes them on every change, so that they survive a silo restart. Silences that
/// ended are dropped at the next change. A grain because adding and removing must be ordered and persisted in one place;
/// the notification path reads a per-silo copy (<see cref="SilenceCache"/>).
/// </summary>
public sealed partial class SilencesGrain(
    [PersistentState("silences", StorageNames.State)] IPersistentState<SilencesState> state,
    TimeProvider time,
    ILogger<SilencesGrain> logger) : Grain, ISilencesGrain
{
    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public async Task<Silence> Add(Silence silence)
    {
        ArgumentNullException.ThrowIfNull(silence);
        var now = Now;
        if (!silence.HasPattern)
        {
            throw new ArgumentException("A silence needs at least one of device, product, metric or rule (use device '*' to silence every device).", nameof(silence));
        }
        if (silence.EndsAt <= silence.StartsAt || silence.EndsAt <= now)
        {
            throw new ArgumentException($"A silence must end after it starts and in the future; got {silence.StartsAt:O} to {silence.EndsAt:O}.", nameof(silence));
        }
        var added = silence with { Id = state.State.NextId, CreatedAt = now };
        state.State.NextId++;
        state.State.Silences.RemoveAll(s => s.EndsAt <= now);
        state.State.Silences.Add(added);
        await state.WriteStateAsync();
        LogAdded(logger, added.Id, added.CreatedBy, added.Device, added.Product, added.Metric, added.Rule, added.EndsAt, added.Note);
        return added;
    }

    public async Task<Silence?> Remove(long id)
    {
        var now = Now;
        var removed = state.State.Silences.Find(s => s.Id == id && s.EndsAt > now);
        if (removed is null)
        {
            return null;
        }
        state.State.Silences.RemoveAll(s => s.Id == id || s.EndsAt <= now);
        await state.WriteStateAsync();
        LogRemoved(logger, id);
        return removed;
    }

    public Task<Silence[]> List()
    {
        var now = Now;
        return Task.FromResult(state.State.Silences.Where(s => s.EndsAt > now).OrderBy(s => s.Id).ToArray());
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Silence {Id} added by {CreatedBy}: device {Device}, product {Product}, metric {Metric}, rule {Rule}, until {EndsAt:O}; note: {Note}")]
    private static partial void LogAdded(ILogger logger, long id, string createdBy, string? device, string? product, string? metric, string? rule, DateTime endsAt, string? note);

    [LoggerMessage(Level = LogLevel.Information, Message = "Silence {Id} removed")]
    private static partial void LogRemoved(ILogger logger, long id);
}
