namespace OrderHub.Returns.Contracts;

/// <summary>A return the candidate policy would have refused, with the reasons the customer would have read.</summary>
public sealed record RefusedReturnDto(string RmaNumber, string OrderNumber, DateTime RequestedAt, IReadOnlyList<string> Reasons);
