namespace Actors.Persistence.DynamoDB.Tests.Grains;

/// <summary>The state the test grain and the direct storage tests persist.</summary>
[GenerateSerializer]
[Alias("Actors.Persistence.DynamoDB.Tests.TestState")]
public sealed class TestState
{
    /// <summary>The value written and read back.</summary>
    [Id(0)]
    public string? Value { get; set; }
}
