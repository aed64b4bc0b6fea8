namespace OrderHub.Returns.Contracts;

/// <summary>What the customer gets back.</summary>
public enum ReturnResolution
{
    Refund,
    StoreCredit,
    Exchange,
}
