using OrderHub.BuildingBlocks.Web;

namespace OrderHub.Returns.Contracts;

/// <summary>
/// One SKU's share of a simulation, in one currency. A return's restocking fee is its lines' own; its return
/// shipping fee and refund are shared among its lines by value, to the cent, so the rows add up to the totals.
/// </summary>
public sealed record SkuSimulationDto(
    string Sku,
    string Currency,
    int Returns,
    int WouldBeRefused,
    [property: Money] decimal RefundDelta,
    [property: Money] decimal FeeDelta);
