namespace OrderHub.Notifications.Contracts;

/// <summary>How a message reaches its recipient.</summary>
public enum NotificationChannel
{
    Email,
}
