using MediatR;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.BuildingBlocks.Security;
using OrderHub.Returns.Contracts;
using OrderHub.Returns.Persistence;
using OrderHub.Returns.Policies;

namespace OrderHub.Returns.UpdateReturnPolicy;

/// <summary>
/// Stores a new policy version: the document merged onto the version in force, never an update of an
/// existing row. Concurrent updates cannot take the same number (primary key).
/// </summary>
internal sealed class UpdateReturnPolicyCommandHandler(ReturnsDbContext db, UnitOfWork unitOfWork, CurrentPolicyCache cache, ReturnWarehouses warehouses, ICurrentActor actor, TimeProvider clock)
    : IRequestHandler<UpdateReturnPolicyCommand, ReturnPolicyDto>
{
    public async Task<ReturnPolicyDto> Handle(UpdateReturnPolicyCommand request, CancellationToken cancellationToken)
    {
        var current = await db.LoadCurrentPolicyAsync(cancellationToken);
        var rules = PolicyRules.Merge(current.Rules, request.Policy);
        await warehouses.RequireKnownAsync(rules, cancellationToken);
        var policy = ReturnPolicy.Create(current.Version + 1, rules, actor.Name, clock.GetUtcNow().UtcDateTime);
        db.Policies.Add(policy);
        cache.DropWhenEnded(unitOfWork);
        await db.SaveChangesAsync(cancellationToken);
        return policy.ToDto();
    }
}
