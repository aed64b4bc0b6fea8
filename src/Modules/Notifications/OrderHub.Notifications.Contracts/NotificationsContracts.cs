namespace OrderHub.Notifications.Contracts;

/// <summary>Anchor of the Notifications module's public surface: its integration events, queries and DTOs.</summary>
public static class NotificationsContracts
{
    public const string ModuleName = "Notifications";

    public const string Schema = "notifications";
}
