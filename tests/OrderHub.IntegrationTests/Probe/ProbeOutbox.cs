using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Messaging;
using OrderHub.IntegrationTests.Infrastructure;

namespace OrderHub.IntegrationTests.Probe;

/// <summary>Probes created over HTTP and the outbox rows their ProbeCreated events left.</summary>
public static class ProbeOutbox
{
    public static async Task<Guid> CreateProbeAsync(this OrderHubApp app, string name)
    {
        using var client = app.Admin();
        var body = await (await client.PostAsJsonAsync("/api/test/probes", new { name })).ShouldBeAsync(HttpStatusCode.Created);
        return body.GetProperty("id").GetGuid();
    }

    public static Task<OutboxMessage> ProbeOutboxRowAsync(this OrderHubApp app, Guid probeId) =>
        app.WithDbAsync<ProbeDbContext, OutboxMessage>(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Payload.Contains(probeId.ToString())));
}
