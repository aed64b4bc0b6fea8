using Microsoft.Extensions.Logging;
using OrderHub.IntegrationTests.Infrastructure;

namespace OrderHub.IntegrationTests.Platform;

public sealed class SqliteSingleProcessTests(OrderHubApp app) : IntegrationTest(app)
{
    private sealed class SecondProcess : OrderHubApp
    {
        public SecondProcess(TestDatabase database) => UseDatabase(database);
    }

    [SqliteFact]
    public async Task A_second_node_on_the_same_SQLite_file_says_at_startup_that_SQLite_serves_one_process()
    {
        App.Logs.Entries.ShouldNotContain(e => e.Message.Contains("Another OrderHub process", StringComparison.Ordinal));

        await using var second = new SecondProcess(App.Database);
        _ = second.Server;

        var warning = second.Logs.Entries.ShouldHaveSingleItem();
        warning.Level.ShouldBe(LogLevel.Error);
        warning.Message.ShouldContain("SQLite serves one process");
        warning.Message.ShouldContain("PostgreSQL");
    }
}
