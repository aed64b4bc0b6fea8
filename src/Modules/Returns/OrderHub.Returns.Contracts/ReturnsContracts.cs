namespace OrderHub.Returns.Contracts;

/// <summary>Anchor of the Returns module's public surface: its integration events, queries and DTOs.</summary>
public static class ReturnsContracts
{
    public const string ModuleName = "Returns";

    public const string Schema = "returns";
}
