using OrderHub.BuildingBlocks.Web;

namespace OrderHub.Returns.Contracts;

/// <summary>An amount of money in one currency.</summary>
public sealed record MoneyAmountDto([property: Money] decimal Amount, string Currency);
