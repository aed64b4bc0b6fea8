namespace OrderHub.Returns.Contracts;

/// <summary>Grading of one line.</summary>
public sealed record InspectionLineRequest(Guid? ReturnLineId, ItemCondition? Condition, Disposition? Disposition);
