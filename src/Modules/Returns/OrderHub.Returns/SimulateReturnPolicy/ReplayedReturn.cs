using OrderHub.Returns.Contracts;

namespace OrderHub.Returns.SimulateReturnPolicy;

/// <summary>What a simulation reads of one return: only the columns the replay needs.</summary>
internal sealed record ReplayedReturn(
    Guid Id,
    long SequenceNumber,
    string RmaNumber,
    Guid OrderId,
    string OrderNumber,
    string CustomerEmail,
    string Currency,
    ReturnResolution Resolution,
    int PolicyVersion,
    string ReviewReasons,
    DateTime RequestedAt);
