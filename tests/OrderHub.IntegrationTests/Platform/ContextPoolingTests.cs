using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.IntegrationTests.Probe;

namespace OrderHub.IntegrationTests.Platform;

/// <summary>
/// Module contexts are pooled: an instance serves one DI scope after another. Nothing of one scope may reach the
/// next: not its connection, its tracked entities, its pending outbox messages nor its unit of work.
/// </summary>
public sealed class ContextPoolingTests(OrderHubApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task A_context_back_from_the_pool_serves_the_next_scope_with_that_scopes_connection_and_nothing_of_the_last()
    {
        // Each scope leaves an unsaved entity and an unsaved event behind; the pool hands instances out again
        // (oldest returned first), so within a few scopes one comes back that the test has seen before.
        var seen = new HashSet<ProbeDbContext>(ReferenceEqualityComparer.Instance);
        var reused = 0;
        for (var i = 0; i < 40 && reused < 3; i++)
        {
            await using var scope = App.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ProbeDbContext>();
            reused += seen.Add(db) ? 0 : 1;
            db.Database.GetDbConnection().ShouldBeSameAs(scope.ServiceProvider.GetRequiredService<ScopedDbConnection>().Connection);
            db.ChangeTracker.Entries().ShouldBeEmpty("nothing tracked by an earlier scope");

            db.Items.Add(ProbeItem.Create($"never-saved-{i}", DateTime.UtcNow));
            db.Publish(new ProbeCreated(Guid.NewGuid(), DateTime.UtcNow, Guid.NewGuid(), "never-saved"));
        }

        reused.ShouldBe(3, "instances came back from the pool");

        // A leased instance saves through its own scope's unit of work: only what that scope wrote.
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ProbeDbContext>();
            await scope.ServiceProvider.GetRequiredService<UnitOfWork>().ExecuteAsync(
                ct =>
                {
                    db.Items.Add(ProbeItem.Create("saved", DateTime.UtcNow));
                    return Task.CompletedTask;
                },
                CancellationToken.None);
        }

        (await App.WithDbAsync<ProbeDbContext, List<string>>(db => db.Items.Select(i => i.Name).ToListAsync())).ShouldBe(["saved"]);
        (await App.OutboxAsync(ProbeModule.Schema)).ShouldBeEmpty("no unsaved event of an earlier scope was written");
    }

    [Fact]
    public async Task A_context_kept_past_its_scope_cannot_be_used_to_write()
    {
        ProbeDbContext kept;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            kept = scope.ServiceProvider.GetRequiredService<ProbeDbContext>();
        }

        await Should.ThrowAsync<ObjectDisposedException>(() =>
        {
            kept.Items.Add(ProbeItem.Create("too-late", DateTime.UtcNow));
            return kept.SaveChangesAsync();
        });
        (await App.WithDbAsync<ProbeDbContext, int>(db => db.Items.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task Concurrent_scopes_each_get_their_own_instance_and_commit_only_their_own_writes()
    {
        const int scopes = 24;
        await Task.WhenAll(Enumerable.Range(0, scopes).Select(async i =>
        {
            await using var scope = App.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ProbeDbContext>();
            await scope.ServiceProvider.GetRequiredService<UnitOfWork>().ExecuteAsync(
                async ct =>
                {
                    db.Items.Add(ProbeItem.Create($"scope-{i}", DateTime.UtcNow));
                    await Task.Yield();
                    db.ChangeTracker.Entries<ProbeItem>().Select(e => e.Entity.Name).ShouldBe([$"scope-{i}"]);
                },
                CancellationToken.None);
        }));

        var names = await App.WithDbAsync<ProbeDbContext, List<string>>(db => db.Items.Select(i => i.Name).ToListAsync());
        names.Order().ShouldBe(Enumerable.Range(0, scopes).Select(i => $"scope-{i}").Order());
    }
}
