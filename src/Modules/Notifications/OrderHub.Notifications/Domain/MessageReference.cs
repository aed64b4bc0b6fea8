namespace OrderHub.Notifications.Domain;

/// <summary>What a message is about: an order, and later a return (RMA).</summary>
internal sealed record MessageReference(string? Storefront, Guid? OrderId, string? OrderNumber, Guid? ReturnId = null, string? RmaNumber = null)
{
    /// <summary>The number the customer knows the matter by: the RMA number for returns, else the order number.</summary>
    public string Number => RmaNumber ?? OrderNumber ?? string.Empty;
}
