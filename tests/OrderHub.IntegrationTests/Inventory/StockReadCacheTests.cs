using System.Net;
using System.Net.Http.Json;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.Inventory.Contracts;

namespace OrderHub.IntegrationTests.Inventory;

/// <summary>
/// Stock reads are answered from an in-process copy of the committed figures; these tests hold it to the
/// ledger: every write is visible to the next read, and under concurrent reads and writes no read ever
/// shows less than what had been acknowledged before it was sent.
/// </summary>
public sealed class StockReadCacheTests(OrderHubApp app) : IntegrationTest(app)
{
    private const string Actor = "cache-test";

    [Fact]
    public async Task Every_kind_of_stock_write_is_visible_to_the_read_after_it()
    {
        using var driver = new InventoryDriver(App);
        await driver.SeedAsync();
        (await driver.StockAsync("SKU-A")).OnHand.ShouldBe(0);
        (await driver.StockAsync("SKU-A")).OnHand.ShouldBe(0, "answered from the cache this time");

        await driver.ReceiveOkAsync("SKU-A", "W1-PICK", 10);
        (await driver.ShouldBalanceAsync("SKU-A")).Available.ShouldBe(10);

        await (await driver.AdjustAsync("SKU-A", "W1-PICK", -2)).ShouldBeAsync(HttpStatusCode.Created);
        (await driver.ShouldBalanceAsync("SKU-A")).OnHand.ShouldBe(8);

        await (await driver.TransferAsync("SKU-A", "W1-PICK", "W1-QUAR", 3)).ShouldBeAsync(HttpStatusCode.Created);
        var moved = await driver.ShouldBalanceAsync("SKU-A");
        (moved.Available, moved.NonSellable).ShouldBe((5, 3));

        (await driver.SendAsync(new ReserveStockCommand("order-1", [new StockLine("SKU-A", 4)], Actor))).Succeeded.ShouldBeTrue();
        var reserved = await driver.ShouldBalanceAsync("SKU-A");
        (reserved.Reserved, reserved.Available).ShouldBe((4, 1));

        (await driver.SendAsync(new ReleaseReservationCommand("order-1", null, Actor))).ShouldBeTrue();
        (await driver.ShouldBalanceAsync("SKU-A")).Available.ShouldBe(5);

        // A refused write changes nothing, cached or not.
        await (await driver.AdjustAsync("SKU-A", "W1-PICK", -50)).ShouldBeAsync(HttpStatusCode.Conflict);
        (await driver.ShouldBalanceAsync("SKU-A")).Available.ShouldBe(5);
        (await driver.SendAsync(new ReserveStockCommand("order-2", [new StockLine("SKU-A", 6)], Actor))).Succeeded.ShouldBeFalse();
        (await driver.ShouldBalanceAsync("SKU-A")).Reserved.ShouldBe(0);
    }

    [Fact]
    public async Task A_read_sent_once_a_write_has_committed_sees_it_even_before_the_writer_has_finished()
    {
        using var driver = new InventoryDriver(App);
        await driver.SeedAsync();
        await driver.ReceiveOkAsync("SKU-A", "W1-PICK", 10);
        (await driver.StockAsync("SKU-A")).Reserved.ShouldBe(0);
        (await driver.StockAsync("SKU-A")).Reserved.ShouldBe(0, "answered from the copy this time");

        StockSnapshot? readMeanwhile = null;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var unitOfWork = scope.ServiceProvider.GetRequiredService<UnitOfWork>();
            await unitOfWork.ExecuteAsync(async ct =>
            {
                // Registered before the write, so it runs first once the transaction has ended: the reservation is
                // committed and the writer has done nothing since. Someone who saw the commit in the database (the
                // order's status, say) and reads the stock now must find the units reserved.
                unitOfWork.OnEnded(() => readMeanwhile = Task.Run(() => driver.StockAsync("SKU-A")).GetAwaiter().GetResult());
                var reserved = await scope.ServiceProvider.GetRequiredService<IMediator>()
                    .Send(new ReserveStockCommand("order-1", [new StockLine("SKU-A", 4)], Actor), ct);
                reserved.Succeeded.ShouldBeTrue();
            }, CancellationToken.None);
        }

        readMeanwhile.ShouldNotBeNull().Reserved.ShouldBe(4);
        (await driver.ShouldBalanceAsync("SKU-A")).Available.ShouldBe(6);
    }

    [Fact]
    public async Task Under_concurrent_reads_and_writes_no_read_shows_less_than_was_acknowledged_before_it()
    {
        const int writers = 4, receiptsPerWriter = 25, readers = 6;
        using var driver = new InventoryDriver(App);
        await driver.SeedAsync();
        var acknowledged = 0;
        var writing = true;
        var stale = new List<(int Acknowledged, int Read)>();
        var reads = 0;

        var writerTasks = Enumerable.Range(0, writers).Select(_ => Task.Run(async () =>
        {
            using var client = App.Admin();
            for (var i = 0; i < receiptsPerWriter; i++)
            {
                var response = await client.PostAsJsonAsync("/api/v1/inventory/receipts", new { sku = "SKU-A", locationCode = "W1-PICK", quantity = 1 });
                await response.ShouldBeAsync(HttpStatusCode.Created);
                Interlocked.Increment(ref acknowledged);
            }
        })).ToList();
        var readerTasks = Enumerable.Range(0, readers).Select(_ => Task.Run(async () =>
        {
            using var reader = new InventoryDriver(App);
            while (Volatile.Read(ref writing))
            {
                var before = Volatile.Read(ref acknowledged);
                var read = (await reader.StockAsync("SKU-A")).OnHand;
                Interlocked.Increment(ref reads);
                if (read < before)
                {
                    lock (stale)
                    {
                        stale.Add((before, read));
                    }
                }
            }
        })).ToList();

        await Task.WhenAll(writerTasks);
        Volatile.Write(ref writing, false);
        await Task.WhenAll(readerTasks);

        stale.ShouldBeEmpty($"{reads} reads raced {writers * receiptsPerWriter} receipts");
        reads.ShouldBeGreaterThan(writers * receiptsPerWriter / 2, "the reads overlapped the writes");
        (await driver.ShouldBalanceAsync("SKU-A")).OnHand.ShouldBe(writers * receiptsPerWriter);
    }
}
