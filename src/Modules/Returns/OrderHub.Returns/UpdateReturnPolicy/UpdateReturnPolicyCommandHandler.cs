using MediatR;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.BuildingBlocks.Security;
using OrderHub.Returns.Contracts;
using OrderHub.Returns.Persistence;
using OrderHub.Returns.Policies;
using OrderHub.Warehouse.Contracts;

namespace OrderHub.Returns.UpdateReturnPolicy;

/// <summary>
/// Stores a new policy version: the document merged onto the version in force, never an update of an
/// existing row. Concurrent updates cannot take the same number (primary key).
/// </summary>
internal sealed class UpdateReturnPolicyCommandHandler(ReturnsDbContext db, UnitOfWork unitOfWork, CurrentPolicyCache cache, ICurrentActor actor, TimeProvider clock, IMediator mediator)
    : IRequestHandler<UpdateReturnPolicyCommand, ReturnPolicyDto>
{
    public async Task<ReturnPolicyDto> Handle(UpdateReturnPolicyCommand request, CancellationToken cancellationToken)
    {
        var current = await db.LoadCurrentPolicyAsync(cancellationToken);
        var rules = PolicyRules.Merge(current.Rules, request.Policy);
        if (rules.ReturnWarehouseCode is { } code && await mediator.Send(new FindWarehouseAddressQuery(code), cancellationToken) is null)
        {
            const string field = "returnWarehouseCode";
            var message = $"No warehouse has the code '{code}'; create it first or name an existing warehouse in {field}.";
            throw new BusinessRuleException(message, "unknown-warehouse", new Dictionary<string, object?>
            {
                ["field"] = field,
                ["value"] = code,
                ["errors"] = new Dictionary<string, string[]> { [field] = [message] },
            });
        }

        var policy = ReturnPolicy.Create(current.Version + 1, rules, actor.Name, clock.GetUtcNow().UtcDateTime);
        db.Policies.Add(policy);
        cache.DropWhenEnded(unitOfWork);
        await db.SaveChangesAsync(cancellationToken);
        return policy.ToDto();
    }
}
