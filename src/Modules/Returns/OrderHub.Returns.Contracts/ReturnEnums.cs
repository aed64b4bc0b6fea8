namespace OrderHub.Returns.Contracts;

/// <summary>Lifecycle of a return (RMA).</summary>
public enum ReturnStatus
{
    Requested,
    Approved,
    Rejected,
    InTransit,
    Received,
    Completed,
    Cancelled,
    Expired,
}

/// <summary>Why the customer returns an item.</summary>
public enum ReturnReason
{
    TooSmall,
    TooLarge,
    NotAsDescribed,
    Damaged,
    Defective,
    WrongItem,
    ArrivedLate,
    ChangedMind,
    Other,
}

/// <summary>What the customer gets back.</summary>
public enum ReturnResolution
{
    Refund,
    StoreCredit,
    Exchange,
}

/// <summary>The state an item arrived in, graded at inspection.</summary>
public enum ItemCondition
{
    New,
    LikeNew,
    Damaged,
    Defective,
    MissingParts,
}

/// <summary>Where an inspected unit goes.</summary>
public enum Disposition
{
    Restock,
    Refurbish,
    Dispose,
    ReturnToVendor,
}
