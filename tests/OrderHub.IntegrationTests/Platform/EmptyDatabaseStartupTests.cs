using System.Net;
using OrderHub.IntegrationTests.Infrastructure;

namespace OrderHub.IntegrationTests.Platform;

public sealed class EmptyDatabaseStartupTests
{
    [Fact]
    public async Task The_app_creates_its_schema_in_an_empty_database_and_reports_ready()
    {
        await using var database = await TestDatabase.CreateEmptyAsync();
        await using var app = new EmptyDatabaseApp(database);
        using var client = app.CreateClient();

        var ready = await (await client.GetAsync("/health/ready")).ShouldBeAsync(HttpStatusCode.OK);
        ready.GetProperty("status").GetString().ShouldBe("Healthy");
        ready.GetProperty("checks")[0].GetProperty("data").GetProperty("provider").GetString().ShouldBe(database.Provider.ToString());
    }

    private sealed class EmptyDatabaseApp : OrderHubApp
    {
        public EmptyDatabaseApp(TestDatabase database) => UseDatabase(database);
    }
}
