namespace Actors.Simulation;

/// <summary>Where one device stands in a simulation run.</summary>
/// <param name="FirstTick">Ticks of the device's first reading (the run's start plus its phase offset).</param>
/// <param name="Readings">Readings taken so far.</param>
internal readonly record struct Cursor(long FirstTick, long Readings);
