using OrderHub.Returns.Contracts;

namespace OrderHub.Returns.Policies;

/// <summary>A requested line with its facts.</summary>
internal sealed record RequestedLine(LineFacts Line, int Quantity, ReturnReason Reason);
