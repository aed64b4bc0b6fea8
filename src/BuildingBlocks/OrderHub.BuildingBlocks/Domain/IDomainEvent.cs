namespace OrderHub.BuildingBlocks.Domain;

/// <summary>Something that happened inside an aggregate, handled within the same module and transaction.</summary>
public interface IDomainEvent : MediatR.INotification
{
    DateTime OccurredAt { get; }
}
