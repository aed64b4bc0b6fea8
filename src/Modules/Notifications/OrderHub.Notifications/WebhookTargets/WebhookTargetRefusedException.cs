namespace OrderHub.Notifications.WebhookTargets;

/// <summary>A webhook target that is not a public address; the message says which host and why, never anything about its ports.</summary>
internal sealed class WebhookTargetRefusedException(string message) : Exception(message);
