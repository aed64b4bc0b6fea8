namespace OrderHub.Returns.Contracts;

/// <summary>The state an item arrived in, graded at inspection.</summary>
public enum ItemCondition
{
    New,
    LikeNew,
    Damaged,
    Defective,
    MissingParts,
}
