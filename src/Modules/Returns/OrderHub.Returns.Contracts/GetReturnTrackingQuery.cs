using OrderHub.BuildingBlocks.Application;

namespace OrderHub.Returns.Contracts;

/// <summary>
/// A return found by the RMA number a customer sees, with its timeline, for a status page. Visible as the return
/// is (a portal session: returns of its own order only); unknown or invisible → not found.
/// </summary>
public sealed record GetReturnTrackingQuery(string RmaNumber) : IQuery<ReturnTracking>;
