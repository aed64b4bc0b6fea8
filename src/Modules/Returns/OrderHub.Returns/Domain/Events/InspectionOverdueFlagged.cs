using OrderHub.BuildingBlocks.Domain;

namespace OrderHub.Returns.Domain.Events;

/// <summary>The return was received long ago and still waits for inspection; it joins the inspection work queue.</summary>
internal sealed record InspectionOverdueFlagged(ReturnRequest Return, DateTime OccurredAt) : IDomainEvent;
