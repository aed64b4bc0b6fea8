using OrderHub.BuildingBlocks.Messaging;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.IntegrationTests.Probe;

namespace OrderHub.IntegrationTests.Platform;

/// <summary>An app whose immediate delivery lets signalled messages gather for two seconds, and whose retry job stays away.</summary>
public sealed class GatheringOutboxApp : OrderHubApp
{
    public GatheringOutboxApp()
    {
        Set("OrderHub:Outbox:GatherDelay", "00:00:02");
        Set("OrderHub:Outbox:PollInterval", "01:00:00");
    }
}

/// <summary>
/// The immediate delivery waits for the gather delay before it takes what was signalled (ADR 0035): messages of
/// commits that follow each other within it are delivered together, in one transaction.
/// </summary>
public sealed class OutboxGatherTests(GatheringOutboxApp app) : IntegrationTest<GatheringOutboxApp>(app)
{
    [Fact]
    public async Task Messages_committed_within_the_gather_delay_are_delivered_in_one_transaction()
    {
        var probes = new List<Guid>();
        foreach (var name in new[] { "gather-1", "gather-2", "gather-3" })
        {
            probes.Add(await App.CreateProbeAsync(name));
        }

        await Eventually.HoldsAsync(async () =>
        {
            foreach (var probe in probes)
            {
                if ((await App.ProbeOutboxRowAsync(probe)).Status != OutboxMessageStatus.Processed)
                {
                    return false;
                }
            }

            return true;
        }, "the three messages are delivered");

        var rows = new List<OutboxMessage>();
        foreach (var probe in probes)
        {
            rows.Add(await App.ProbeOutboxRowAsync(probe));
        }

        rows.ShouldAllBe(r => r.Attempts == 1 && r.LastError == null);
        rows.Select(r => r.ProcessedAt).Distinct().Count().ShouldBe(1, "one claim marked all three processed, at one time");
    }
}
