namespace OrderHub.Analytics.Contracts;

/// <summary>What a rebuild of the analytics read model read from the other modules.</summary>
public sealed record RebuildResultDto(int OrdersDelivered, int Returns, DateTime RebuiltAt);
