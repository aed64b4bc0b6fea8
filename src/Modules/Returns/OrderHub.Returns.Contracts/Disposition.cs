namespace OrderHub.Returns.Contracts;

/// <summary>Where an inspected unit goes.</summary>
public enum Disposition
{
    Restock,
    Refurbish,
    Dispose,
    ReturnToVendor,
}
