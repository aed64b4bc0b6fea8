using System.Reflection;
using FluentValidation;
using OrderHub.Returns.Contracts;

namespace OrderHub.Returns;

/// <summary>
/// The rules a policy document meets, wherever it is sent: stored by PUT or tried out by a simulation, the same
/// document gets the same 400 naming the same field.
/// </summary>
internal static class ReturnPolicyDocumentRules
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

    public static void AddTo<T>(AbstractValidator<T> validator)
        where T : ICarryPolicyDocument
    {
        validator.RuleFor(x => x.Policy).Custom((document, context) =>
        {
            foreach (var property in NeverNull.Where(p => document.Names(p.Name) && p.GetValue(document) is null))
            {
                context.AddFailure(property.Name, $"{JsonName(property.Name)} cannot be null; leave it out to keep the value in force.");
            }
        });
        validator.RuleFor(x => x.Policy.WindowDays).InclusiveBetween(0, 3650).OverridePropertyName("windowDays");
        validator.RuleFor(x => x.Policy.CategoryWindowDays).Must(HaveDistinctKeys!).When(x => x.Policy.CategoryWindowDays is not null)
            .WithMessage("Each category appears once (names compare case-insensitively).").OverridePropertyName("categoryWindowDays");
        validator.RuleForEach(x => x.Policy.CategoryWindowDays).Must(kv => kv.Value is >= 0 and <= 3650 && !string.IsNullOrWhiteSpace(kv.Key))
            .WithMessage("Category windows are 0 to 3650 days for a named category.").OverridePropertyName("categoryWindowDays");
        validator.RuleFor(x => x.Policy.SegmentExtensionDays).Must(HaveDistinctKeys!).When(x => x.Policy.SegmentExtensionDays is not null)
            .WithMessage("Each segment appears once (names compare case-insensitively).").OverridePropertyName("segmentExtensionDays");
        validator.RuleForEach(x => x.Policy.SegmentExtensionDays).Must(kv => kv.Value is >= 0 and <= 3650 && !string.IsNullOrWhiteSpace(kv.Key))
            .WithMessage("Segment extensions are 0 to 3650 days for a named segment.").OverridePropertyName("segmentExtensionDays");
        validator.RuleFor(x => x.Policy.RestockingFeePercent).InclusiveBetween(0, 100).OverridePropertyName("restockingFeePercent");
        validator.RuleFor(x => x.Policy.ReturnShippingFee).GreaterThanOrEqualTo(0).OverridePropertyName("returnShippingFee");
        validator.RuleFor(x => x.Policy.StoreCreditBonusPercent).InclusiveBetween(0, 100).OverridePropertyName("storeCreditBonusPercent");
        validator.RuleFor(x => x.Policy.AllowedResolutions).Must(r => r is null || r.Count > 0).WithMessage("Allow at least one resolution.").OverridePropertyName("allowedResolutions");
        validator.RuleFor(x => x.Policy.AutoApproveMaxOrderValue).GreaterThanOrEqualTo(0).OverridePropertyName("autoApproveMaxOrderValue");
        validator.RuleFor(x => x.Policy.KeepItThreshold).GreaterThanOrEqualTo(0).OverridePropertyName("keepItThreshold");
        validator.RuleFor(x => x.Policy.DaysToShip).InclusiveBetween(1, 365).OverridePropertyName("daysToShip");
        validator.RuleFor(x => x.Policy.ReturnWarehouseCode).MaximumLength(32).OverridePropertyName("returnWarehouseCode");
        validator.RuleFor(x => x.Policy.SerialReturnerThresholdPercent).InclusiveBetween(0, 100).OverridePropertyName("serialReturnerThresholdPercent");
        validator.RuleFor(x => x.Policy.SerialReturnerLookbackOrders).InclusiveBetween(1, 1000).OverridePropertyName("serialReturnerLookbackOrders");
        validator.RuleFor(x => x.Policy.SerialReturnerMinimumOrders).InclusiveBetween(1, 1000).OverridePropertyName("serialReturnerMinimumOrders");
    }

    private static string JsonName(string property) => char.ToLowerInvariant(property[0]) + property[1..];

    private static bool HaveDistinctKeys(IReadOnlyDictionary<string, int> map) =>
        map.Keys.Distinct(StringComparer.OrdinalIgnoreCase).Count() == map.Count;
}
