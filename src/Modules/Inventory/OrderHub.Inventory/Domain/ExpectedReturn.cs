namespace OrderHub.Inventory.Domain;

/// <summary>Units of a SKU an approved return is still expected to bring back (counted in inboundReturns).</summary>
internal sealed class ExpectedReturn
{
    private ExpectedReturn()
    {
    }

    public string Reference { get; private set; } = string.Empty;

    public string Sku { get; private set; } = string.Empty;

    public int Quantity { get; private set; }

    public static ExpectedReturn Create(string reference, string sku) => new() { Reference = reference, Sku = sku };

    public void Add(int quantity) => Quantity += quantity;

    /// <summary>Takes up to <paramref name="quantity"/> units off what is expected; returns how many were.</summary>
    public int Take(int quantity)
    {
        var taken = Math.Min(quantity, Quantity);
        Quantity -= taken;
        return taken;
    }
}
