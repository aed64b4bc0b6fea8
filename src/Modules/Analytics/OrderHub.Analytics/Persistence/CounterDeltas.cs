using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using OrderHub.BuildingBlocks.Persistence;

namespace OrderHub.Analytics.Persistence;

/// <summary>
/// Additions to counter rows, gathered and then written as upserts that add to whatever the row holds
/// (<c>INSERT ... ON CONFLICT DO UPDATE SET n = n + excluded.n</c>): a counter is never read and written back,
/// so consumers on several nodes never lose each other's increments.
/// </summary>
internal sealed class CounterDeltas
{
    private const int RowsPerStatement = 100;
    private static readonly ConcurrentDictionary<(IEntityType Entity, int Rows), string> Statements = new();
    private readonly Dictionary<Type, Dictionary<string, (object[] Keys, long[] Values)>> _rows = [];

    public void Add<TRow>(object[] keys, string value, long delta) => Add(typeof(TRow), keys, value, delta);

    private void Add(Type type, object[] keys, string value, long delta)
    {
        if (delta == 0)
        {
            return;
        }

        var shape = CounterShape.For(type);
        if (!_rows.TryGetValue(type, out var rows))
        {
            rows = [];
            _rows[type] = rows;
        }

        var id = string.Join('\u001f', keys.Select(k => k.ToString()));
        if (!rows.TryGetValue(id, out var row))
        {
            row = (keys, new long[shape.Values.Count]);
            rows[id] = row;
        }

        row.Values[shape.IndexOf(value)] += delta;
    }

    /// <summary>Adds every addition gathered in <paramref name="other"/> to this one's.</summary>
    public void AddAll(CounterDeltas other)
    {
        foreach (var (type, rows) in other._rows)
        {
            var values = CounterShape.For(type).Values;
            foreach (var (keys, deltas) in rows.Values)
            {
                for (var i = 0; i < deltas.Length; i++)
                {
                    Add(type, keys, values[i], deltas[i]);
                }
            }
        }
    }

    /// <summary>
    /// The gathered additions that change something, per counter row type, with the names of the key and counter
    /// properties: what <see cref="FlushAsync"/> would write, for a bulk loader that writes them itself.
    /// </summary>
    public IEnumerable<(Type Row, IReadOnlyList<string> KeyProperties, IReadOnlyList<string> ValueProperties, IEnumerable<(object[] Keys, long[] Values)> Rows)> Gathered() =>
        _rows.Select(pair =>
        {
            var shape = CounterShape.For(pair.Key);
            return (pair.Key, shape.Keys, shape.Values, pair.Value.Values.Where(r => r.Values.Any(v => v != 0)));
        });

    /// <summary>
    /// Writes every gathered addition in the open transaction and forgets them. The rows are locked in one order
    /// shared by every writer, whatever order their counters were added in: the tables in the order of
    /// <see cref="CounterShape"/>, and each table's rows by key. Deliveries running at once on one node or on several
    /// all add to a few hot rows (a storefront's day, a category, a reason); in differing orders, two of them would
    /// each hold a row the other waits for, and PostgreSQL would end one with a deadlock after a second's wait.
    /// </summary>
    public async Task FlushAsync(AnalyticsDbContext db, CancellationToken cancellationToken)
    {
        foreach (var (type, rows) in _rows.OrderBy(pair => CounterShape.Rank(pair.Key)))
        {
            var entity = db.Model.FindEntityType(type)!;
            var changed = rows.Values.Where(r => r.Values.Any(v => v != 0)).Order(KeyOrder.Instance).ToList();
            foreach (var chunk in changed.Chunk(RowsPerStatement))
            {
                var sql = Statements.GetOrAdd((entity, chunk.Length), key => UpsertSql(key.Entity, key.Rows, type, db.Database.IsSqlServer()));
                var parameters = chunk.SelectMany(r => r.Keys.Concat(r.Values.Cast<object>())).ToArray();
                await db.Database.ExecuteSqlRawAsync(sql, parameters, cancellationToken);
            }
        }

        _rows.Clear();
    }

    /// <summary>
    /// The upsert of <paramref name="rows"/> counter rows. SQL Server has no <c>ON CONFLICT</c>: there a
    /// <c>MERGE … WITH (HOLDLOCK)</c> adds to the matched rows and inserts the others, the range lock keeping a
    /// concurrent insert of the same key out until the transaction ends.
    /// </summary>
    internal static string UpsertSql(IEntityType entity, int rows, Type rowType, bool sqlServer)
    {
        var shape = CounterShape.For(rowType);
        var table = entity.GetTableName()!;
        var placeholders = shape.Keys.Count + shape.Values.Count;
        var values = Enumerable.Range(0, rows)
            .Select(r => "(" + string.Join(", ", Enumerable.Range(r * placeholders, placeholders).Select(i => $"{{{i}}}")) + ")");
        if (sqlServer)
        {
            string Name(string property) => $"[{entity.FindProperty(property)!.GetColumnName()}]";
            var names = shape.Keys.Concat(shape.Values).Select(Name).ToList();
            return $"""
                MERGE INTO [{entity.GetSchema()}].[{table}] WITH (HOLDLOCK) AS target
                USING (VALUES {string.Join(", ", values)}) AS source ({string.Join(", ", names)})
                ON {string.Join(" AND ", shape.Keys.Select(Name).Select(k => $"target.{k} = source.{k}"))}
                WHEN MATCHED THEN UPDATE SET {string.Join(", ", shape.Values.Select(Name).Select(c => $"target.{c} = target.{c} + source.{c}"))}
                WHEN NOT MATCHED THEN INSERT ({string.Join(", ", names)}) VALUES ({string.Join(", ", names.Select(n => "source." + n))});
                """;
        }

        var qualified = entity.QuotedTable();
        string Column(string property) => $"\"{entity.FindProperty(property)!.GetColumnName()}\"";
        var columns = shape.Keys.Concat(shape.Values).Select(Column).ToList();
        var updates = shape.Values.Select(Column).Select(c => $"{c} = \"{table}\".{c} + excluded.{c}");
        return $"""
            INSERT INTO {qualified} ({string.Join(", ", columns)})
            VALUES {string.Join(", ", values)}
            ON CONFLICT ({string.Join(", ", shape.Keys.Select(Column))}) DO UPDATE SET {string.Join(", ", updates)}
            """;
    }

    /// <summary>Orders counter rows by their keys, position by position: strings ordinally, so every node agrees whatever its culture.</summary>
    private sealed class KeyOrder : IComparer<(object[] Keys, long[] Values)>
    {
        public static readonly KeyOrder Instance = new();

        public int Compare((object[] Keys, long[] Values) x, (object[] Keys, long[] Values) y)
        {
            for (var i = 0; i < x.Keys.Length; i++)
            {
                var order = (x.Keys[i], y.Keys[i]) switch
                {
                    (string a, string b) => string.CompareOrdinal(a, b),
                    (IComparable a, var b) => a.CompareTo(b),
                    _ => throw new InvalidOperationException($"A counter key of type {x.Keys[i].GetType().Name} has no order."),
                };
                if (order != 0)
                {
                    return order;
                }
            }

            return 0;
        }
    }

    /// <summary>The counter row types, for checking their statements.</summary>
    internal static IEnumerable<Type> RowTypes => CounterShape.RowTypes;

    /// <summary>Which properties of a counter row are its key and which are the counters added to.</summary>
    private sealed record CounterShape(IReadOnlyList<string> Keys, IReadOnlyList<string> Values)
    {
        private static readonly Dictionary<Type, CounterShape> Shapes = new()
        {
            [typeof(DailyTotalsRow)] = new(
                [nameof(DailyTotalsRow.Day), nameof(DailyTotalsRow.Storefront)],
                [nameof(DailyTotalsRow.OrdersDelivered), nameof(DailyTotalsRow.UnitsSold), nameof(DailyTotalsRow.UnitsReturned),
                    nameof(DailyTotalsRow.RefundCents), nameof(DailyTotalsRow.StoreCreditCents), nameof(DailyTotalsRow.RefundReturns),
                    nameof(DailyTotalsRow.StoreCreditReturns), nameof(DailyTotalsRow.ExchangeReturns), nameof(DailyTotalsRow.KeepItReturns),
                    nameof(DailyTotalsRow.RestockUnits), nameof(DailyTotalsRow.RefurbishUnits), nameof(DailyTotalsRow.DisposeUnits),
                    nameof(DailyTotalsRow.ReturnToVendorUnits)]),
            [typeof(DimensionCounterRow)] = new(
                [nameof(DimensionCounterRow.Dimension), nameof(DimensionCounterRow.Day), nameof(DimensionCounterRow.Storefront), nameof(DimensionCounterRow.Key)],
                [nameof(DimensionCounterRow.UnitsSold), nameof(DimensionCounterRow.UnitsReturned)]),
            [typeof(ReasonCounterRow)] = new(
                [nameof(ReasonCounterRow.Dimension), nameof(ReasonCounterRow.Day), nameof(ReasonCounterRow.Storefront), nameof(ReasonCounterRow.Key), nameof(ReasonCounterRow.Reason)],
                [nameof(ReasonCounterRow.Units)]),
            [typeof(CustomerCounterRow)] = new(
                [nameof(CustomerCounterRow.Day), nameof(CustomerCounterRow.Storefront), nameof(CustomerCounterRow.CustomerEmail)],
                [nameof(CustomerCounterRow.OrdersDelivered), nameof(CustomerCounterRow.UnitsSold), nameof(CustomerCounterRow.Returns), nameof(CustomerCounterRow.UnitsReturned)]),
            [typeof(DimensionMonthCounterRow)] = new(
                [nameof(DimensionMonthCounterRow.Dimension), nameof(DimensionMonthCounterRow.Month), nameof(DimensionMonthCounterRow.Storefront), nameof(DimensionMonthCounterRow.Key)],
                [nameof(DimensionMonthCounterRow.UnitsSold), nameof(DimensionMonthCounterRow.UnitsReturned)]),
            [typeof(ReasonMonthCounterRow)] = new(
                [nameof(ReasonMonthCounterRow.Dimension), nameof(ReasonMonthCounterRow.Month), nameof(ReasonMonthCounterRow.Storefront), nameof(ReasonMonthCounterRow.Key), nameof(ReasonMonthCounterRow.Reason)],
                [nameof(ReasonMonthCounterRow.Units)]),
            [typeof(CustomerMonthCounterRow)] = new(
                [nameof(CustomerMonthCounterRow.Month), nameof(CustomerMonthCounterRow.Storefront), nameof(CustomerMonthCounterRow.CustomerEmail)],
                [nameof(CustomerMonthCounterRow.OrdersDelivered), nameof(CustomerMonthCounterRow.UnitsSold), nameof(CustomerMonthCounterRow.Returns), nameof(CustomerMonthCounterRow.UnitsReturned)]),
            [typeof(StageHourMonthCounterRow)] = new(
                [nameof(StageHourMonthCounterRow.Stage), nameof(StageHourMonthCounterRow.Month), nameof(StageHourMonthCounterRow.Storefront), nameof(StageHourMonthCounterRow.Hour)],
                [nameof(StageHourMonthCounterRow.Returns)]),
            [typeof(StageDurationMonthCounterRow)] = new(
                [nameof(StageDurationMonthCounterRow.Stage), nameof(StageDurationMonthCounterRow.Centihours), nameof(StageDurationMonthCounterRow.Month), nameof(StageDurationMonthCounterRow.Storefront)],
                [nameof(StageDurationMonthCounterRow.Returns)]),
        };

        private static readonly List<Type> Order = [.. Shapes.Keys];

        public static IEnumerable<Type> RowTypes => Shapes.Keys;

        /// <summary>Where the row type's table comes in the one order every flush writes the tables in.</summary>
        public static int Rank(Type type) => Order.IndexOf(type);

        public static CounterShape For(Type type) => Shapes[type];

        public int IndexOf(string value)
        {
            for (var i = 0; i < Values.Count; i++)
            {
                if (Values[i] == value)
                {
                    return i;
                }
            }

            throw new ArgumentException($"{value} is not a counter.", nameof(value));
        }
    }
}
