using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.IntegrationTests.Probe;

namespace OrderHub.IntegrationTests.Platform;

/// <summary>
/// When PostgreSQL drops the application's sessions (a restart, an administrator's pg_terminate_backend), the
/// requests caught by it get 503 with Retry-After, never 500, and the next request works again.
/// </summary>
public sealed class DatabaseOutageTests(OrderHubApp app) : IntegrationTest(app)
{
    private async Task TerminateAppSessionsAsync()
    {
        await using var admin = new NpgsqlConnection(TestDatabase.PostgresAdminConnectionString);
        await admin.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = @name AND pid <> pg_backend_pid()", admin);
        command.Parameters.AddWithValue("name", App.Database.Name);
        (await command.ExecuteScalarAsync()).ShouldNotBe(0L);
    }

    [PostgresFact]
    public async Task A_request_whose_session_is_terminated_mid_use_is_a_503_with_retry_after_and_the_next_request_succeeds()
    {
        using var staff = await App.ClientForRoleAsync("staff");
        await (await staff.PostAsJsonAsync("/api/test/probes", new { name = "warm-up" })).ShouldBeAsync(HttpStatusCode.Created);
        var gate = App.Services.GetRequiredService<ProbeGate>();

        var held = staff.PostAsJsonAsync("/api/test/probes", new { name = "held-outage" });
        await gate.EnteredAsync("held-outage").WaitAsync(TimeSpan.FromSeconds(30));
        await TerminateAppSessionsAsync();
        gate.Release("held-outage");
        var response = await held;

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter.ShouldNotBeNull();
        problem.GetProperty("detail").GetString().ShouldNotBeNullOrWhiteSpace();
        await (await staff.PostAsJsonAsync("/api/test/probes", new { name = "after-outage" })).ShouldBeAsync(HttpStatusCode.Created);
    }

    [PostgresFact]
    public async Task Requests_after_every_session_was_terminated_are_never_a_500_and_the_next_one_succeeds()
    {
        using var staff = await App.ClientForRoleAsync("staff");
        await (await staff.PostAsJsonAsync("/api/test/probes", new { name = "warm-up" })).ShouldBeAsync(HttpStatusCode.Created);

        await TerminateAppSessionsAsync();
        var first = await staff.PostAsJsonAsync("/api/test/probes", new { name = "first-after" });

        if (first.StatusCode != HttpStatusCode.Created)
        {
            await first.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable);
            first.Headers.RetryAfter.ShouldNotBeNull();
        }

        await (await staff.PostAsJsonAsync("/api/test/probes", new { name = "second-after" })).ShouldBeAsync(HttpStatusCode.Created);
    }
}
