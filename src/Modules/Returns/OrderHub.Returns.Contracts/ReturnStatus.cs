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
