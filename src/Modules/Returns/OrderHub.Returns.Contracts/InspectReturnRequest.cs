namespace OrderHub.Returns.Contracts;

/// <summary>Grading of every received line.</summary>
public sealed record InspectReturnRequest(IReadOnlyList<InspectionLineRequest>? Lines);
