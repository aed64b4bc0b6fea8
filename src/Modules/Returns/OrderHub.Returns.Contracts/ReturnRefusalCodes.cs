namespace OrderHub.Returns.Contracts;

/// <summary>The refusal codes of <see cref="ReturnRefusal"/> and the arguments each carries.</summary>
public static class ReturnRefusalCodes
{
    public const string OrderCancelled = "order-cancelled";
    public const string NotDelivered = "not-delivered";

    /// <summary>Arguments: window days, the closing date (yyyy-MM-dd).</summary>
    public const string WindowClosed = "window-closed";
    public const string ProductNotReturnable = "product-not-returnable";

    /// <summary>Arguments: the category.</summary>
    public const string CategoryNotReturnable = "category-not-returnable";
    public const string NotShipped = "not-shipped";

    /// <summary>Arguments: the shipped quantity, all of it on returns.</summary>
    public const string AlreadyOnReturn = "already-on-return";
}
