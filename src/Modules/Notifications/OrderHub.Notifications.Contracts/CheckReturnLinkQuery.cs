using OrderHub.BuildingBlocks.Application;

namespace OrderHub.Notifications.Contracts;

/// <summary>
/// Whether <see cref="Token"/> (the <c>t</c> of a customer email's link to <c>/returns/{rmaNumber}</c>) was minted
/// here for this return and has not expired (ADR 0018). Decided without looking the return up.
/// </summary>
public sealed record CheckReturnLinkQuery(string RmaNumber, string? Token) : IQuery<bool>;
