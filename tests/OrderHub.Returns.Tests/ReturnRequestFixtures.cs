using OrderHub.Returns.Contracts;
using OrderHub.Returns.Domain;
using OrderHub.Returns.Policies;

namespace OrderHub.Returns.Tests;

/// <summary>Returns in each state, judged under policy version 2 (14 days to ship), for the rules of the aggregate.</summary>
internal static class ReturnRequestFixtures
{
    public static readonly DateTime Now = new(2026, 11, 22, 12, 0, 0, DateTimeKind.Utc);

    public static ReturnPolicy Policy { get; } = ReturnPolicy.Create(2, PolicyRules.Default, "tester", Now);

    public static ReturnRequest Requested(ReturnResolution resolution = ReturnResolution.Refund, bool keepIt = false) =>
        ReturnRequest.Request(
            7, null, ("ada@example.com", "Ada", "fr"), "EUR", resolution, resolution == ReturnResolution.Exchange ? "TEE-L" : null, 2,
            (20m, 0m, 0m, 0m, 20m), [], ("W", "pinned by policy v2"), [new ReturnLine((Guid.NewGuid(), "ORD-000001"), Guid.NewGuid(), "TEE", 1, 20m, ReturnReason.TooSmall, null, keepIt)], "tester", Now);

    /// <summary>Approved at <see cref="Now"/>: ship by <see cref="Now"/> + 14 days.</summary>
    public static ReturnRequest Approved(ReturnResolution resolution = ReturnResolution.Refund)
    {
        var rma = Requested(resolution);
        rma.Approve(Policy, "tester", Now);
        return rma;
    }

    /// <summary>Received at <see cref="Now"/> + 2 days.</summary>
    public static ReturnRequest Received(ReturnResolution resolution = ReturnResolution.Refund)
    {
        var rma = Approved(resolution);
        rma.Receive("W", "dock", Now.AddDays(2));
        return rma;
    }

    public static ReturnRequest Completed(ReturnResolution resolution = ReturnResolution.Refund)
    {
        var rma = Received(resolution);
        rma.Complete(rma.Lines.ToDictionary(l => l.Id, _ => (ItemCondition.New, Disposition.Restock)), Policy, "inspector", Now.AddDays(3));
        return rma;
    }
}
