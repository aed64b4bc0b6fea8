using System.Diagnostics;
using Npgsql;

namespace OrderHub.LoadDriver.Chaos;

/// <summary>
/// The promises that must hold after any fault: every order a client saw as 201 exists exactly once, every event
/// is delivered (the outboxes drain and each confirmed order has its notification), and per SKU the figures the
/// API shows equal the sums of the stock ledger, whose reserved sum equals the open orders' lines. The API says
/// what it can (GET /inventory/{sku}); the ledger, the outboxes and the order lines are read with SQL.
/// </summary>
internal sealed class Invariants(Api api, EventBacklog backlog)
{
    private NpgsqlDataSource Db => backlog.DataSource;

    public async Task CheckAsync(PhaseReport report, IReadOnlyCollection<KeyedOrder> orders, string prefix, TimeSpan deliveryDeadline)
    {
        await OrdersOnceAsync(report, orders, prefix);
        await DeliveredAsync(report, deliveryDeadline);
        await StockAsync(report);
    }

    private async Task OrdersOnceAsync(PhaseReport report, IReadOnlyCollection<KeyedOrder> orders, string prefix)
    {
        var stored = new Dictionary<string, List<Guid>>(StringComparer.Ordinal);
        await using (var command = Db.CreateCommand("SELECT external_reference, id FROM orders.orders WHERE external_reference LIKE $1"))
        {
            command.Parameters.AddWithValue(prefix + "-%");
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var reference = reader.GetString(0);
                if (!stored.TryGetValue(reference, out var ids))
                {
                    stored[reference] = ids = [];
                }

                ids.Add(reader.GetGuid(1));
            }
        }

        var created = orders.Where(o => o.Created).ToList();
        var missing = created.Count(o => !stored.TryGetValue(o.Reference, out var ids) || !ids.Contains(o.OrderId!.Value));
        var duplicated = stored.Values.Where(ids => ids.Count > 1).ToList();
        var unseen = stored.Keys.Count(r => !created.Any(o => o.Reference == r));
        report.Figure("keys", orders.Count);
        report.Figure("keys answered 201", created.Count);
        report.Figure("distinct orders in the database", stored.Count);
        report.Figure("order rows in the database", stored.Values.Sum(ids => ids.Count));
        report.Figure("duplicate orders (extra rows for one key)", duplicated.Sum(ids => ids.Count - 1));
        report.Expect(missing == 0, $"{missing} orders a client saw as 201 are not in the database");
        report.Expect(duplicated.Count == 0, $"{duplicated.Count} keys produced more than one order ({duplicated.Sum(ids => ids.Count - 1)} extra orders)");
        report.Expect(unseen == 0, $"{unseen} orders exist for keys that never got a 201");
    }

    private async Task DeliveredAsync(PhaseReport report, TimeSpan deadline)
    {
        var started = Stopwatch.GetTimestamp();
        var drain = await backlog.DrainAsync();
        (long Missing, long Repeated) notified;
        while (true)
        {
            notified = await NotificationGapsAsync();
            if (notified.Missing == 0 || Stopwatch.GetElapsedTime(started) > deadline)
            {
                break;
            }

            await Task.Delay(200);
        }

        var dead = await backlog.CountAsync("DeadLettered");
        var pending = await backlog.CountAsync("Pending");
        report.Figure("events pending when checked / delivered after (s)", $"{drain.PendingAtEnd} / {Math.Round(Stopwatch.GetElapsedTime(started).TotalSeconds, 1)}");
        report.Expect(pending == 0, $"{pending} events still undelivered, delivery stalled for {deadline.TotalSeconds} s");
        report.Expect(dead == 0, $"{dead} events dead-lettered");
        report.Figure("confirmed orders without / with more than one order.confirmed notification", $"{notified.Missing} / {notified.Repeated}");
        report.Expect(notified.Missing == 0, $"{notified.Missing} confirmed orders have no order.confirmed notification");
        report.Expect(notified.Repeated == 0, $"{notified.Repeated} orders have more than one order.confirmed notification");
    }

    private async Task<(long Missing, long Repeated)> NotificationGapsAsync()
    {
        const string sql = """
            SELECT count(*) FILTER (WHERE n = 0), count(*) FILTER (WHERE n > 1)
            FROM (SELECT (SELECT count(*) FROM notifications.notifications x WHERE x.order_id = o.id AND x.template = 'order.confirmed') AS n
                  FROM orders.orders o) t
            """;
        await using var command = Db.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    private async Task StockAsync(PhaseReport report)
    {
        const string sql = """
            SELECT s.sku, coalesce(m.on_hand, 0), coalesce(m.reserved, 0), coalesce(l.on_hand, 0), coalesce(l.reserved, 0), coalesce(o.open, 0)
            FROM inventory.skus s
            LEFT JOIN (SELECT sku, sum(quantity) AS on_hand, sum(reserved_delta) AS reserved FROM inventory.stock_movements GROUP BY sku) m ON m.sku = s.sku
            LEFT JOIN (SELECT sku, sum(on_hand) AS on_hand, sum(reserved) AS reserved FROM inventory.stock_levels GROUP BY sku) l ON l.sku = s.sku
            LEFT JOIN (SELECT ol.sku, sum(ol.quantity - ol.shipped_quantity) AS open
                       FROM orders.order_lines ol JOIN orders.orders o ON o.id = ol.order_id
                       WHERE o.status IN ('Confirmed', 'PartiallyShipped') GROUP BY ol.sku) o ON o.sku = s.sku
            ORDER BY s.sku
            """;
        var rows = new List<(string Sku, long LedgerOnHand, long LedgerReserved, long LevelOnHand, long LevelReserved, long OpenLines)>();
        await using (var command = Db.CreateCommand(sql))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                rows.Add((reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5)));
            }
        }

        var mismatches = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForEachAsync(rows, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (row, _) =>
        {
            var read = await api.GetAsync($"/api/v1/inventory/{Uri.EscapeDataString(row.Sku)}", parse: true);
            if (!read.Ok)
            {
                mismatches.Add($"{row.Sku}: GET /inventory failed ({read.Kind})");
                return;
            }

            var locations = read.Body.GetProperty("locations").EnumerateArray().ToList();
            long apiOnHand = locations.Sum(l => l.GetProperty("onHand").GetInt32());
            long apiReserved = locations.Sum(l => l.GetProperty("reserved").GetInt32());
            var problems = new List<string>();
            if (apiOnHand != row.LedgerOnHand || apiReserved != row.LedgerReserved)
            {
                problems.Add($"API on hand {apiOnHand} reserved {apiReserved} ≠ ledger {row.LedgerOnHand}/{row.LedgerReserved}");
            }

            if (row.LevelOnHand != row.LedgerOnHand || row.LevelReserved != row.LedgerReserved)
            {
                problems.Add($"stock levels {row.LevelOnHand}/{row.LevelReserved} ≠ ledger {row.LedgerOnHand}/{row.LedgerReserved}");
            }

            if (row.LedgerReserved != row.OpenLines)
            {
                problems.Add($"reserved {row.LedgerReserved} ≠ open order lines {row.OpenLines}");
            }

            if (problems.Count > 0)
            {
                mismatches.Add($"{row.Sku}: {string.Join("; ", problems)}");
            }
        });

        report.Figure("SKUs checked (API figures = ledger sums, reserved = open order lines)", rows.Count);
        report.Figure("SKUs breaking an invariant", mismatches.Count);
        report.Expect(mismatches.IsEmpty, $"{mismatches.Count} SKUs break a stock invariant, e.g. {string.Join(" | ", mismatches.Order(StringComparer.Ordinal).Take(3))}");
    }
}
