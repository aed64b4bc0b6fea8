namespace OrderHub.Analytics.Contracts;

/// <summary>Units returned for one reason.</summary>
public sealed record ReasonUnitsDto(string Reason, int Units);
