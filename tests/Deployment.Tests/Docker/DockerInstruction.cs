namespace Actors.Deployment.Tests.Docker;

/// <summary>One instruction of a Dockerfile (continuation lines joined), with the index of its build stage.</summary>
public sealed record DockerInstruction(int Line, int Stage, string Keyword, string Arguments);
