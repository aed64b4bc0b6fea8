namespace OrderHub.Returns.Contracts;

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
