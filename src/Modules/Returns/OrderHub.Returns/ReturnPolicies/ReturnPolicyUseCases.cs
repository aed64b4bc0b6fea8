using System.Reflection;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Application;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.BuildingBlocks.Security;
using OrderHub.BuildingBlocks.Web;
using OrderHub.Returns.Contracts;
using OrderHub.Returns.Persistence;
using OrderHub.Returns.Policies;
using OrderHub.Warehouse.Contracts;

namespace OrderHub.Returns.ReturnPolicies;

internal sealed record GetReturnPolicyQuery : IQuery<ReturnPolicyDto>;

internal sealed record GetReturnPolicyVersionQuery(int Version) : IQuery<ReturnPolicyDto>;

internal sealed record ListReturnPolicyVersionsQuery(PageRequest Page) : IQuery<PagedResult<ReturnPolicyDto>>;

internal sealed record UpdateReturnPolicyCommand(UpdateReturnPolicyRequest Policy) : ICommand<ReturnPolicyDto>;

internal sealed class GetReturnPolicyQueryHandler(ReturnsDbContext db, CurrentPolicyCache policies) : IRequestHandler<GetReturnPolicyQuery, ReturnPolicyDto>
{
    public async Task<ReturnPolicyDto> Handle(GetReturnPolicyQuery request, CancellationToken cancellationToken) =>
        (await policies.GetAsync(db, cancellationToken)).ToDto();
}

internal sealed class GetReturnPolicyVersionQueryHandler(ReturnsDbContext db, CurrentPolicyCache policies) : IRequestHandler<GetReturnPolicyVersionQuery, ReturnPolicyDto>
{
    public async Task<ReturnPolicyDto> Handle(GetReturnPolicyVersionQuery request, CancellationToken cancellationToken) =>
        (await policies.GetVersionAsync(db, request.Version, cancellationToken)).ToDto();
}

/// <summary>Every version ever in force, newest first; the built-in version 1 is listed even when it was never stored.</summary>
internal sealed class ListReturnPolicyVersionsQueryHandler(ReturnsDbContext db) : IRequestHandler<ListReturnPolicyVersionsQuery, PagedResult<ReturnPolicyDto>>
{
    public async Task<PagedResult<ReturnPolicyDto>> Handle(ListReturnPolicyVersionsQuery request, CancellationToken cancellationToken)
    {
        var page = request.Page;
        var stored = await db.Policies.CountAsync(cancellationToken);
        var builtInStored = await db.Policies.AnyAsync(p => p.Version == 1, cancellationToken);
        var versions = await db.Policies.AsNoTracking().OrderByDescending(p => p.Version).Skip(page.Skip).Take(page.PageSize).ToListAsync(cancellationToken);
        if (!builtInStored && versions.Count < page.PageSize && page.Skip + versions.Count == stored)
        {
            versions.Add(ReturnPolicy.BuiltIn());
        }

        return new PagedResult<ReturnPolicyDto>(versions.Select(v => v.ToDto()).ToList(), page.Page, page.PageSize, stored + (builtInStored ? 0 : 1));
    }
}

internal sealed class UpdateReturnPolicyCommandValidator : AbstractValidator<UpdateReturnPolicyCommand>
{
    /// <summary>Fields whose null is a value of the policy ("never", "none"); for every other field null is refused.</summary>
    private static readonly HashSet<string> NullMeansNone =
    [
        nameof(UpdateReturnPolicyRequest.AutoApproveMaxOrderValue),
        nameof(UpdateReturnPolicyRequest.KeepItThreshold),
        nameof(UpdateReturnPolicyRequest.ReturnWarehouseCode),
    ];

    private static readonly PropertyInfo[] NeverNull = typeof(UpdateReturnPolicyRequest)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => !NullMeansNone.Contains(p.Name))
        .ToArray();

    public UpdateReturnPolicyCommandValidator()
    {
        RuleFor(x => x.Policy).Custom((document, context) =>
        {
            foreach (var property in NeverNull.Where(p => document.Names(p.Name) && p.GetValue(document) is null))
            {
                context.AddFailure(property.Name, $"{JsonName(property.Name)} cannot be null; leave it out to keep the value in force.");
            }
        });
        RuleFor(x => x.Policy.WindowDays).InclusiveBetween(0, 3650).OverridePropertyName("windowDays");
        RuleFor(x => x.Policy.CategoryWindowDays).Must(HaveDistinctKeys!).When(x => x.Policy.CategoryWindowDays is not null)
            .WithMessage("Each category appears once (names compare case-insensitively).").OverridePropertyName("categoryWindowDays");
        RuleForEach(x => x.Policy.CategoryWindowDays).Must(kv => kv.Value is >= 0 and <= 3650 && !string.IsNullOrWhiteSpace(kv.Key))
            .WithMessage("Category windows are 0 to 3650 days for a named category.").OverridePropertyName("categoryWindowDays");
        RuleFor(x => x.Policy.SegmentExtensionDays).Must(HaveDistinctKeys!).When(x => x.Policy.SegmentExtensionDays is not null)
            .WithMessage("Each segment appears once (names compare case-insensitively).").OverridePropertyName("segmentExtensionDays");
        RuleForEach(x => x.Policy.SegmentExtensionDays).Must(kv => kv.Value is >= 0 and <= 3650 && !string.IsNullOrWhiteSpace(kv.Key))
            .WithMessage("Segment extensions are 0 to 3650 days for a named segment.").OverridePropertyName("segmentExtensionDays");
        RuleFor(x => x.Policy.RestockingFeePercent).InclusiveBetween(0, 100).OverridePropertyName("restockingFeePercent");
        RuleFor(x => x.Policy.ReturnShippingFee).GreaterThanOrEqualTo(0).OverridePropertyName("returnShippingFee");
        RuleFor(x => x.Policy.StoreCreditBonusPercent).InclusiveBetween(0, 100).OverridePropertyName("storeCreditBonusPercent");
        RuleFor(x => x.Policy.AllowedResolutions).Must(r => r is null || r.Count > 0).WithMessage("Allow at least one resolution.").OverridePropertyName("allowedResolutions");
        RuleFor(x => x.Policy.AutoApproveMaxOrderValue).GreaterThanOrEqualTo(0).OverridePropertyName("autoApproveMaxOrderValue");
        RuleFor(x => x.Policy.KeepItThreshold).GreaterThanOrEqualTo(0).OverridePropertyName("keepItThreshold");
        RuleFor(x => x.Policy.DaysToShip).InclusiveBetween(1, 365).OverridePropertyName("daysToShip");
        RuleFor(x => x.Policy.ReturnWarehouseCode).MaximumLength(32).OverridePropertyName("returnWarehouseCode");
        RuleFor(x => x.Policy.SerialReturnerThresholdPercent).InclusiveBetween(0, 100).OverridePropertyName("serialReturnerThresholdPercent");
        RuleFor(x => x.Policy.SerialReturnerLookbackOrders).InclusiveBetween(1, 1000).OverridePropertyName("serialReturnerLookbackOrders");
        RuleFor(x => x.Policy.SerialReturnerMinimumOrders).InclusiveBetween(1, 1000).OverridePropertyName("serialReturnerMinimumOrders");
    }

    private static string JsonName(string property) => char.ToLowerInvariant(property[0]) + property[1..];

    private static bool HaveDistinctKeys(IReadOnlyDictionary<string, int> map) =>
        map.Keys.Distinct(StringComparer.OrdinalIgnoreCase).Count() == map.Count;
}

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
