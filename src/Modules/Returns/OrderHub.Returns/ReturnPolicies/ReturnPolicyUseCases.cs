using FluentValidation;
using MediatR;
using OrderHub.BuildingBlocks.Application;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.BuildingBlocks.Security;
using OrderHub.Returns.Contracts;
using OrderHub.Returns.Persistence;
using OrderHub.Returns.Policies;

namespace OrderHub.Returns.ReturnPolicies;

internal sealed record GetReturnPolicyQuery : IQuery<ReturnPolicyDto>;

internal sealed record UpdateReturnPolicyCommand(ReturnPolicyDto Policy) : ICommand<ReturnPolicyDto>;

internal sealed class GetReturnPolicyQueryHandler(ReturnsDbContext db, CurrentPolicyCache policies) : IRequestHandler<GetReturnPolicyQuery, ReturnPolicyDto>
{
    public async Task<ReturnPolicyDto> Handle(GetReturnPolicyQuery request, CancellationToken cancellationToken) =>
        (await policies.GetAsync(db, cancellationToken)).ToDto();
}

internal sealed class UpdateReturnPolicyCommandValidator : AbstractValidator<UpdateReturnPolicyCommand>
{
    public UpdateReturnPolicyCommandValidator()
    {
        RuleFor(x => x.Policy.WindowDays).InclusiveBetween(0, 3650).OverridePropertyName("windowDays");
        RuleForEach(x => x.Policy.CategoryWindowDays).Must(kv => kv.Value is >= 0 and <= 3650 && !string.IsNullOrWhiteSpace(kv.Key))
            .WithMessage("Category windows are 0 to 3650 days for a named category.").OverridePropertyName("categoryWindowDays");
        RuleForEach(x => x.Policy.SegmentExtensionDays).Must(kv => kv.Value is >= 0 and <= 3650 && !string.IsNullOrWhiteSpace(kv.Key))
            .WithMessage("Segment extensions are 0 to 3650 days for a named segment.").OverridePropertyName("segmentExtensionDays");
        RuleFor(x => x.Policy.RestockingFeePercent).InclusiveBetween(0, 100).OverridePropertyName("restockingFeePercent");
        RuleFor(x => x.Policy.ReturnShippingFee).GreaterThanOrEqualTo(0).OverridePropertyName("returnShippingFee");
        RuleFor(x => x.Policy.StoreCreditBonusPercent).InclusiveBetween(0, 100).OverridePropertyName("storeCreditBonusPercent");
        RuleFor(x => x.Policy.AllowedResolutions).NotEmpty().WithMessage("Allow at least one resolution.").OverridePropertyName("allowedResolutions");
        RuleFor(x => x.Policy.AutoApproveMaxOrderValue).GreaterThanOrEqualTo(0).OverridePropertyName("autoApproveMaxOrderValue");
        RuleFor(x => x.Policy.KeepItThreshold).GreaterThanOrEqualTo(0).OverridePropertyName("keepItThreshold");
        RuleFor(x => x.Policy.DaysToShip).InclusiveBetween(1, 365).OverridePropertyName("daysToShip");
        RuleFor(x => x.Policy.ReturnWarehouseCode).MaximumLength(32).OverridePropertyName("returnWarehouseCode");
        RuleFor(x => x.Policy.SerialReturnerThresholdPercent).InclusiveBetween(0, 100).OverridePropertyName("serialReturnerThresholdPercent");
        RuleFor(x => x.Policy.SerialReturnerLookbackOrders).InclusiveBetween(1, 1000).OverridePropertyName("serialReturnerLookbackOrders");
        RuleFor(x => x.Policy.SerialReturnerMinimumOrders).InclusiveBetween(1, 1000).OverridePropertyName("serialReturnerMinimumOrders");
    }
}

/// <summary>Stores a new policy version; concurrent updates cannot take the same number (primary key).</summary>
internal sealed class UpdateReturnPolicyCommandHandler(ReturnsDbContext db, UnitOfWork unitOfWork, CurrentPolicyCache cache, ICurrentActor actor, TimeProvider clock)
    : IRequestHandler<UpdateReturnPolicyCommand, ReturnPolicyDto>
{
    public async Task<ReturnPolicyDto> Handle(UpdateReturnPolicyCommand request, CancellationToken cancellationToken)
    {
        var current = await db.LoadCurrentPolicyAsync(cancellationToken);
        var policy = ReturnPolicy.Create(current.Version + 1, PolicyRules.From(request.Policy), actor.Name, clock.GetUtcNow().UtcDateTime);
        db.Policies.Add(policy);
        cache.DropWhenEnded(unitOfWork);
        await db.SaveChangesAsync(cancellationToken);
        return policy.ToDto();
    }
}
