namespace OrderHub.Platform.Contracts;

/// <summary>Anchor of the Platform module's public surface: API keys and idempotency records.</summary>
public static class PlatformContracts
{
    public const string ModuleName = "Platform";

    public const string Schema = "platform";
}
