namespace OrderHub.Orders.Contracts;

/// <summary>Optional reason for a cancellation.</summary>
public sealed record CancelOrderRequest(string? Reason);
