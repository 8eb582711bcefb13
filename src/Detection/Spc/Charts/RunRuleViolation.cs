namespace Actors.Detection.Spc.Charts;

/// <summary>One Nelson test that a point completed.</summary>
/// <param name="Test">The test.</param>
/// <param name="Points">How many of the latest points, this one included, the pattern spans.</param>
/// <param name="Description">The test as a quality engineer reads it, e.g. <c>Nelson 2: 9 points in a row above the center line</c>.</param>
public readonly record struct RunRuleViolation(NelsonTest Test, int Points, string Description);
