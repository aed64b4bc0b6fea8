using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.BuildingBlocks.Modules;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.IntegrationTests.Web;

namespace OrderHub.IntegrationTests.Notifications;

/// <summary>Without a configured key, every node on one database, and every restart, signs and accepts the same links.</summary>
public sealed class LinkSigningKeyTests
{
    [Fact]
    public async Task Nodes_sharing_a_database_and_a_restarted_node_accept_links_signed_with_the_one_stored_key()
    {
        await using var database = await TestDatabase.CreateEmptyAsync();
        byte[] stored;
        await using (var first = new Node(database))
        await using (var second = new Node(database))
        {
            _ = first.Server;
            _ = second.Server;
            stored = await StoredKeyAsync(first);
            await ShouldOpenAsync(first, stored);
            await ShouldOpenAsync(second, stored);
        }

        await using var restarted = new Node(database);
        _ = restarted.Server;
        (await StoredKeyAsync(restarted)).ShouldBe(stored);
        await ShouldOpenAsync(restarted, stored);
    }

    /// <summary>A token signed with the key opens the page (404: no such return), one signed with any other key does not (403).</summary>
    private static async Task ShouldOpenAsync(Node node, byte[] key)
    {
        using var browser = node.CreateClient();
        var expires = DateTimeOffset.UtcNow + TimeSpan.FromDays(1);
        await (await browser.GetAsync($"/returns/RMA-NONE?t={ReturnLinkTokens.Sign(key, "RMA-NONE", expires)}")).ShouldBePageAsync(HttpStatusCode.NotFound);
        var other = key.Select(b => (byte)(b ^ 0x5a)).ToArray();
        await (await browser.GetAsync($"/returns/RMA-NONE?t={ReturnLinkTokens.Sign(other, "RMA-NONE", expires)}")).ShouldBePageAsync(HttpStatusCode.Forbidden);
    }

    private static async Task<byte[]> StoredKeyAsync(Node node)
    {
        await using var scope = node.Services.CreateAsyncScope();
        var catalog = scope.ServiceProvider.GetRequiredService<ModuleCatalog>();
        var context = (ModuleDbContext)scope.ServiceProvider.GetRequiredService(catalog.ByName("Notifications").DbContextType);
        var table = context.Model.GetEntityTypes().Single(e => e.ClrType.Name == "SigningKey");
        var name = table.GetSchema() is { } schema ? $"\"{schema}\".\"{table.GetTableName()}\"" : $"\"{table.GetTableName()}\"";
        var connection = context.Database.GetDbConnection();
        await context.Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT secret FROM {name}";
        var secrets = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                secrets.Add(reader.GetString(0));
            }
        }

        return Convert.FromBase64String(secrets.ShouldHaveSingleItem());
    }

    private sealed class Node : OrderHubApp
    {
        public Node(TestDatabase database) => UseDatabase(database);
    }
}
