namespace OrderHub.Returns.Contracts;

/// <summary>One order line: its eligibility, unit price and why it cannot be returned (empty when it can).</summary>
public sealed record ReturnOptionLine(ReturnableLineDto Eligibility, decimal UnitPrice, IReadOnlyList<ReturnRefusal> Refusals);
