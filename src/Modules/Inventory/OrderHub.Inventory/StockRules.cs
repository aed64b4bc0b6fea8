using FluentValidation;
using OrderHub.BuildingBlocks.Application;
using OrderHub.Inventory.Contracts;
using OrderHub.Inventory.Persistence;

namespace OrderHub.Inventory;

/// <summary>Input rules every stock request shares.</summary>
internal static class StockRules
{
    /// <summary>Upper bound of one change, far above any real movement, so sums never overflow.</summary>
    public const int MaxQuantity = 1_000_000;

    /// <summary>Quantities per SKU, lines of the same SKU added up.</summary>
    public static Dictionary<string, int> Totals(IEnumerable<StockLine> lines) =>
        lines.GroupBy(l => l.Sku, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(l => l.Quantity), StringComparer.Ordinal);

    public static IRuleBuilderOptions<T, int?> MustBeQuantity<T>(this IRuleBuilder<T, int?> rule) =>
        rule.NotNull().InclusiveBetween(1, MaxQuantity)
            .WithMessage($"{{PropertyName}} must be a whole number of units from 1 to {MaxQuantity}.");

    public static IRuleBuilderOptions<T, string> MustBeReference<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().MaximumLength(InventoryDbContext.ReferenceLength);

    /// <summary>At least one line, each a valid SKU code and a positive quantity.</summary>
    public static IRuleBuilderOptions<T, IEnumerable<StockLine>> MustBeStockLines<T>(this IRuleBuilder<T, IReadOnlyList<StockLine>> rule) =>
        rule.NotEmpty()
            .ForEach(line => line.NotNull().ChildRules(l =>
            {
                l.RuleFor(x => x.Sku).MustBeCode();
                l.RuleFor(x => (int?)x.Quantity).MustBeQuantity().OverridePropertyName("quantity");
            }));
}
