using OrderHub.BuildingBlocks.Domain;

namespace OrderHub.Returns.Domain.Events;

/// <summary>The return was approved; the customer may send the parcel (unless every line is kept).</summary>
internal sealed record ReturnApproved(ReturnRequest Return, DateTime OccurredAt) : IDomainEvent;
