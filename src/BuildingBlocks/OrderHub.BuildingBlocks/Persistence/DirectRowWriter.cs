using System.Collections.Concurrent;
using System.Data.Common;
using System.Numerics;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace OrderHub.BuildingBlocks.Persistence;

/// <summary>
/// Writes a save's inserts and updates on PostgreSQL as one batch of plain statements built from the model, instead
/// of through EF Core's update pipeline (ADR 0032). It takes only the shapes whose meaning is plain: added and
/// modified rows, owned types sharing their owner's row, identity keys nobody references, concurrency tokens. For
/// anything else (a deleted row, a database default, a self-referencing table, an update that moves a unique value
/// among rows of one save) it answers null and the caller saves through EF Core, which orders such cases itself.
/// </summary>
internal static class DirectRowWriter
{
    private const string SaveFailed = "An error occurred while saving the entity changes. See the inner exception for details.";

    private static readonly ConcurrentDictionary<IModel, ModelPlan> Plans = new();

    /// <summary>
    /// Sends a save on its own inside its context's current transaction (nothing when it has no rows). Does not accept
    /// the changes: the caller does, as EF Core would after a successful save.
    /// </summary>
    public static Task WriteAsync(PreparedSave save, CancellationToken cancellationToken) =>
        save.Rows.Count == 0 ? Task.CompletedTask : ExecuteAsync(save.Context, [save], [], cancellationToken);

    /// <summary>
    /// The statements of what the context's tracked entries say changed, not yet sent; null when the save holds
    /// something this writer leaves to EF Core.
    /// </summary>
    public static PreparedSave? Prepare(DbContext context)
    {
        if (context.Database.ProviderName != ModuleSchema.PostgresProviderName)
        {
            return null;
        }

        var plan = Plans.GetOrAdd(context.Model, static model => new ModelPlan(model));
        var rows = Collect(context, plan, out var entries);
        return rows is null ? null : new PreparedSave(context, rows, entries.Count);
    }

    /// <summary>
    /// Sends the saves' statements in one batch inside the connection's transaction, followed by
    /// <paramref name="tail"/> (the unit of work's COMMIT, say). With a tail each update checks on the server that it
    /// matched its row, since the tail runs before the answer comes back: a stale row then fails the batch (and so the
    /// COMMIT) where a save on its own would count the rows afterwards. A server error is a
    /// <see cref="DbUpdateException"/> (a <see cref="DbUpdateConcurrencyException"/> for a stale row), whichever
    /// statement raised it: Npgsql does not say which. A lost connection is thrown as it is when there is a tail, as
    /// from a failed COMMIT.
    /// </summary>
    public static async Task ExecuteAsync(DbContext connectionOwner, IReadOnlyList<PreparedSave> saves, IReadOnlyList<NpgsqlBatchCommand> tail, CancellationToken cancellationToken)
    {
        var rows = saves.SelectMany(s => s.Rows).ToList();
        var checkOnServer = tail.Count > 0;
        var connection = (NpgsqlConnection)connectionOwner.Database.GetDbConnection();
        await using var batch = new NpgsqlBatch(connection, (NpgsqlTransaction?)connectionOwner.Database.CurrentTransaction?.GetDbTransaction());
        await using var parameters = connection.CreateCommand();
        var statements = Statements(rows, checkOnServer);
        foreach (var statement in statements)
        {
            batch.BatchCommands.Add(statement.ToCommand(rows, parameters));
        }

        foreach (var command in tail)
        {
            batch.BatchCommands.Add(command);
        }

        await connectionOwner.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            if (rows.Any(r => r.Generated.Count > 0))
            {
                await ReadGeneratedAsync(batch, rows, statements, cancellationToken);
            }
            else
            {
                await batch.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        catch (PostgresException exception)
        {
            // Npgsql does not say which statement of a batch failed; only a checked update divides, so that is a stale row.
            if (checkOnServer && exception.SqlState == PostgresErrorCodes.DivisionByZero)
            {
                throw new DbUpdateConcurrencyException(StaleRow(0), exception);
            }

            throw new DbUpdateException(SaveFailed, exception, rows.SelectMany(r => r.Entries).ToList());
        }
        catch (DbException exception) when (tail.Count == 0)
        {
            throw new DbUpdateException(SaveFailed, exception, rows.SelectMany(r => r.Entries).ToList());
        }
        finally
        {
            await connectionOwner.Database.CloseConnectionAsync();
        }

        for (var i = 0; i < statements.Count && !checkOnServer; i++)
        {
            var affected = batch.BatchCommands[i].RecordsAffected;
            if (affected != statements[i].Count)
            {
                throw new DbUpdateConcurrencyException(StaleRow(statements[i].Count, affected), (Exception?)null);
            }
        }
    }

    private static string StaleRow(int affected) => StaleRow(1, affected);

    private static string StaleRow(int expected, int affected) =>
        $"The database operation was expected to affect {expected} row(s), but actually affected {affected} row(s); data may have been modified or deleted since entities were loaded.";

    /// <summary>Most rows a statement writes: every row count up to it is a statement text of its own, prepared on each connection.</summary>
    internal const int MaxRowsPerStatement = 8;

    /// <summary>
    /// The statements that write <paramref name="rows"/>, in their order: neighbouring rows of one shape (one table,
    /// the same columns set and compared, nothing to read back) share a multi-row statement, as a hand-written order
    /// transaction reserves all its lines with one UPDATE. A row whose insert returns generated keys stays on its own,
    /// since a multi-row RETURNING does not promise the order of its rows.
    /// </summary>
    private static List<Statement> Statements(List<Row> rows, bool checkOnServer)
    {
        var statements = new List<Statement>();
        for (var i = 0; i < rows.Count; i++)
        {
            var shape = rows[i].ShapeOf(checkOnServer);
            if (statements.Count > 0 && statements[^1] is var last && last.Shape == shape && shape.Returning == 0 && last.Count < MaxRowsPerStatement)
            {
                statements[^1] = last with { Count = last.Count + 1 };
                continue;
            }

            statements.Add(new Statement(shape, i, 1));
        }

        return statements;
    }

    /// <summary>One statement of a batch: <see cref="Count"/> rows from <see cref="Start"/>, all of <see cref="Shape"/>.</summary>
    private readonly record struct Statement(Shape Shape, int Start, int Count)
    {
        public NpgsqlBatchCommand ToCommand(List<Row> rows, NpgsqlCommand parameterFactory)
        {
            var command = new NpgsqlBatchCommand();
            for (var i = Start; i < Start + Count; i++)
            {
                rows[i].AddParameters(command, parameterFactory);
            }

            var shape = Shape with { Rows = Count };
            command.CommandText = StatementTexts.GetOrAdd(shape, static (s, keys) => s.Sql(keys), rows[Start].KeyColumns);
            return command;
        }

        /// <summary>Whether the statement answers a result set: an insert reading back generated values, or an update checked on the server.</summary>
        public bool Answers => Shape.Returning != 0 || Shape.Checked;
    }

    /// <summary>
    /// Sets the values the database generated on their entities. Each insert that returns values and each update
    /// checked on the server answers one result set, in statement order; statements without one are passed over.
    /// </summary>
    private static async Task ReadGeneratedAsync(NpgsqlBatch batch, List<Row> rows, List<Statement> statements, CancellationToken cancellationToken)
    {
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        foreach (var statement in statements.Where(s => s.Answers))
        {
            var row = rows[statement.Start];
            while (reader.FieldCount == 0 && await reader.NextResultAsync(cancellationToken))
            {
            }

            if (!await reader.ReadAsync(cancellationToken))
            {
                throw new InvalidOperationException($"A statement on {row.Table.Name} returned no row.");
            }

            for (var i = 0; i < row.Generated.Count; i++)
            {
                var (entry, column) = row.Generated[i];
                var raw = reader.GetValue(i);
                var value = column.Mapping.Converter is { } converter ? converter.ConvertFromProvider(raw) : raw;
                var property = entry.Property(column.Property.Name);
                property.CurrentValue = value;
                property.IsTemporary = false;
            }

            await reader.NextResultAsync(cancellationToken);
        }

        while (await reader.NextResultAsync(cancellationToken))
        {
        }
    }

    /// <summary>Whether rows of this entity type can be written here (a save holding any other goes through EF Core).</summary>
    internal static bool Writes(IEntityType entityType) =>
        Plans.GetOrAdd(entityType.Model, static model => new ModelPlan(model)).For(entityType) is not null;

    private static List<Row>? Collect(DbContext context, ModelPlan plan, out List<EntityEntry> entries)
    {
        entries = [];
        var rows = new Dictionary<RowKey, Row>();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            var state = entry.State;
            if (state is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }

            if (state != EntityState.Added && state != EntityState.Modified)
            {
                return null;
            }

            var type = plan.For(entry.Metadata);
            if (type is null)
            {
                return null;
            }

            entries.Add(entry);
            var current = entry.CurrentValues;
            var keyValues = new object?[type.KeyColumns.Length];
            for (var i = 0; i < keyValues.Length; i++)
            {
                keyValues[i] = current[type.KeyColumns[i].Property];
            }

            var key = new RowKey(type.Table, keyValues);
            if (!rows.TryGetValue(key, out var row))
            {
                row = new Row(type.Table, state == EntityState.Added, keyValues, type.KeyColumns, type.TableColumns);
                rows.Add(key, row);
            }
            else if (row.Insert != (state == EntityState.Added))
            {
                return null;
            }

            row.Entries.Add(entry);
            if (!(row.Insert ? AddInsertValues(entry, current, type, row) : AddUpdateValues(entry, current, type, row)))
            {
                return null;
            }
        }

        // An update whose entries changed only keys or nothing at all has nothing to set, and is not sent.
        var ordered = rows.Values.Where(r => r.Insert || r.Values.Count > 0)
            .OrderBy(r => r.Insert ? 0 : 1)
            .ThenBy(r => plan.Order(r.Table))
            .ToList();
        return Orderable(ordered, plan) ? ordered : null;
    }

    private static bool AddInsertValues(EntityEntry entry, PropertyValues current, TypePlan type, Row row)
    {
        foreach (var column in type.Columns)
        {
            if (column.StoreGeneratedOnAdd && entry.Property(column.Property.Name).IsTemporary)
            {
                if (column.ReferencedKey)
                {
                    return false;
                }

                row.Generated.Add((entry, column));
                continue;
            }

            if (!row.Set(row.Values, column, current[column.Property], type.SharedTablePrincipal))
            {
                return false;
            }
        }

        return true;
    }

    private static bool AddUpdateValues(EntityEntry entry, PropertyValues current, TypePlan type, Row row)
    {
        PropertyValues? original = null;
        foreach (var column in type.Columns)
        {
            if (column.ConcurrencyToken)
            {
                original ??= entry.OriginalValues;
                if (!row.Set(row.Tokens, column, original[column.Property], type.SharedTablePrincipal))
                {
                    return false;
                }
            }

            if (column.Key || !entry.Property(column.Property.Name).IsModified)
            {
                continue;
            }

            if (column.StoreGeneratedOnUpdate || !row.Set(row.Values, column, current[column.Property], type.SharedTablePrincipal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Whether plain table order is a valid order for these rows: inserts come before updates and principal tables
    /// before dependent ones, which leaves out rows of one table that reference each other and updates that move a
    /// value of a unique index while the same table takes other writes.
    /// </summary>
    private static bool Orderable(List<Row> rows, ModelPlan plan)
    {
        foreach (var group in rows.GroupBy(r => r.Table))
        {
            var count = group.Count();
            if (count > 1 && plan.SelfReferencing(group.Key))
            {
                return false;
            }

            if (count > 1 && group.Any(r => !r.Insert && r.Values.Any(v => v.Column.Unique)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A context's save as statements not yet sent: its rows, and how many tracked entries they write.</summary>
    internal sealed class PreparedSave(DbContext context, List<Row> rows, int entries)
    {
        public DbContext Context { get; } = context;

        internal List<Row> Rows { get; } = rows;

        public int Entries { get; } = entries;
    }

    /// <summary>What the writer knows of a model: each entity type's columns, and the order of its tables.</summary>
    private sealed class ModelPlan
    {
        private readonly ConcurrentDictionary<IEntityType, TypePlan?> _types = new();
        private readonly Dictionary<ITable, int> _order = [];
        private readonly HashSet<ITable> _selfReferencing = [];

        public ModelPlan(IModel model)
        {
            var tables = model.GetRelationalModel().Tables.ToList();
            var visiting = new HashSet<ITable>();
            void Visit(ITable table)
            {
                if (_order.ContainsKey(table))
                {
                    return;
                }

                if (!visiting.Add(table))
                {
                    // A cycle: its tables cannot be ordered by their keys.
                    _selfReferencing.Add(table);
                    return;
                }

                foreach (var foreignKey in table.ForeignKeyConstraints)
                {
                    if (foreignKey.PrincipalTable == table)
                    {
                        _selfReferencing.Add(table);
                    }
                    else
                    {
                        Visit(foreignKey.PrincipalTable);
                    }
                }

                visiting.Remove(table);
                _order[table] = _order.Count;
            }

            foreach (var table in tables)
            {
                Visit(table);
            }
        }

        public int Order(ITable table) => _order.GetValueOrDefault(table, int.MaxValue);

        public bool SelfReferencing(ITable table) => _selfReferencing.Contains(table);

        public TypePlan? For(IEntityType entityType) => _types.GetOrAdd(entityType, TypePlan.Create);
    }

    /// <summary>How one entity type's rows are written; <see cref="KeyColumns"/> are the table's primary key columns, in its order, as the type maps them.</summary>
    private sealed record TypePlan(ITable Table, int TableColumns, bool SharedTablePrincipal, ColumnPlan[] Columns, ColumnPlan[] KeyColumns)
    {
        /// <summary>The plan of a type mapped to exactly one table with plain columns; null when the writer leaves it to EF Core.</summary>
        public static TypePlan? Create(IEntityType entityType)
        {
            var mappings = entityType.GetTableMappings().ToList();
            if (mappings.Count != 1 || mappings[0].Table.PrimaryKey is not { } primaryKey || mappings[0].Table.Columns.Count() > 64)
            {
                return null;
            }

            var mapping = mappings[0];
            var table = mapping.Table;
            var tableColumns = table.Columns.ToList();
            var uniqueColumns = table.Indexes.Where(i => i.IsUnique).SelectMany(i => i.Columns)
                .Concat(table.UniqueConstraints.Where(u => u != primaryKey).SelectMany(u => u.Columns))
                .ToHashSet();
            var columns = new List<ColumnPlan>();
            foreach (var columnMapping in mapping.ColumnMappings)
            {
                var property = columnMapping.Property;
                if (property.GetDefaultValueSql() is not null || property.GetComputedColumnSql() is not null
                    || property.TryGetDefaultValue(out _) || property.GetBeforeSaveBehavior() != PropertySaveBehavior.Save)
                {
                    return null;
                }

                var storeGeneratedOnAdd = property.ValueGenerated.HasFlag(ValueGenerated.OnAdd) && !property.IsForeignKey();
                if (storeGeneratedOnAdd && property.GetValueGeneratorFactory() is not null)
                {
                    return null;
                }

                columns.Add(new ColumnPlan(
                    property,
                    tableColumns.IndexOf(columnMapping.Column),
                    columnMapping.Column,
                    columnMapping.TypeMapping,
                    primaryKey.Columns.Contains(columnMapping.Column),
                    uniqueColumns.Contains(columnMapping.Column),
                    property.IsConcurrencyToken,
                    storeGeneratedOnAdd,
                    property.ValueGenerated.HasFlag(ValueGenerated.OnUpdate),
                    property.GetContainingKeys().Any(k => k.GetReferencingForeignKeys().Any())));
            }

            var keyColumns = primaryKey.Columns.Select(c => columns.FirstOrDefault(p => p.Column == c)).ToArray();
            if (keyColumns.Any(k => k is null))
            {
                return null;
            }

            return new TypePlan(table, tableColumns.Count, mapping.IsSharedTablePrincipal ?? true, [.. columns], keyColumns!);
        }
    }

    internal sealed record ColumnPlan(
        IProperty Property,
        int Ordinal,
        IColumn Column,
        RelationalTypeMapping Mapping,
        bool Key,
        bool Unique,
        bool ConcurrencyToken,
        bool StoreGeneratedOnAdd,
        bool StoreGeneratedOnUpdate,
        bool ReferencedKey);

    /// <summary>A table row as a save writes it, gathered from every entry that maps to it (an owner and its owned types).</summary>
    internal sealed class Row(ITable table, bool insert, object?[] keyValues, ColumnPlan[] keyColumns, int tableColumns)
    {
        public ITable Table { get; } = table;

        public bool Insert { get; } = insert;

        public List<EntityEntry> Entries { get; } = [];

        /// <summary>The columns the row sets.</summary>
        public Slots Values { get; } = new(tableColumns);

        /// <summary>The concurrency tokens an update compares, as they were read.</summary>
        public Slots Tokens => _tokens ??= new(tableColumns);

        private Slots? _tokens;

        public List<(EntityEntry Entry, ColumnPlan Column)> Generated { get; } = [];

        /// <summary>
        /// Gives a column its value. Where two types of the row map the same column (the key, or the concurrency
        /// token EF Core copies onto owned types), the owner's value counts; any other disagreement is left to EF Core.
        /// </summary>
        public bool Set(Slots slots, ColumnPlan column, object? value, bool principal)
        {
            if (!slots.TryGet(column.Ordinal, out var existing) || (principal && !existing.Principal))
            {
                slots.Put(new Slot(column, value, principal));
                return true;
            }

            return existing.Principal && !principal || Equals(existing.Value, value);
        }

        public ColumnPlan[] KeyColumns { get; } = keyColumns;

        /// <summary>The shape of this row's statement: which columns it sets, compares and reads back.</summary>
        public Shape ShapeOf(bool checkOnServer)
        {
            var shape = new Shape(Table, Insert, !Insert && checkOnServer, Values.Mask, Mask(Generated.Select(g => g.Column)), 0, 0, 1);
            return Insert || _tokens is null ? shape : shape with
            {
                Tokens = Mask(_tokens.Where(t => t.Value is not null).Select(t => t.Column)),
                NullTokens = Mask(_tokens.Where(t => t.Value is null).Select(t => t.Column)),
            };
        }

        /// <summary>Adds this row's parameters in the order its shape's statement numbers them: values, then key, then non-null tokens.</summary>
        public void AddParameters(NpgsqlBatchCommand command, NpgsqlCommand parameterFactory)
        {
            foreach (var slot in Values)
            {
                command.Parameters.Add(Parameter(parameterFactory, slot.Column, slot.Value));
            }

            if (Insert)
            {
                return;
            }

            for (var i = 0; i < KeyColumns.Length; i++)
            {
                command.Parameters.Add(Parameter(parameterFactory, KeyColumns[i], keyValues[i]));
            }

            if (_tokens is null)
            {
                return;
            }

            foreach (var slot in _tokens)
            {
                if (slot.Value is not null)
                {
                    command.Parameters.Add(Parameter(parameterFactory, slot.Column, slot.Value));
                }
            }
        }

        private static ulong Mask(IEnumerable<ColumnPlan> columns) => columns.Aggregate(0UL, (mask, c) => mask | (1UL << c.Ordinal));

        private static NpgsqlParameter Parameter(NpgsqlCommand factory, ColumnPlan column, object? value) =>
            (NpgsqlParameter)column.Mapping.CreateParameter(factory, string.Empty, value, column.Property.IsNullable);
    }

    /// <summary>The statements built so far, by what they write: the same shape of row always gets the same text, so it stays prepared.</summary>
    private static readonly ConcurrentDictionary<Shape, string> StatementTexts = new();

    /// <summary>
    /// What a statement writes: its table, insert or update, and as bit masks of column ordinals the columns it sets,
    /// the columns an insert returns, and the concurrency tokens an update compares (NULL ones with IS NULL); and how
    /// many rows of that shape it writes.
    /// </summary>
    internal readonly record struct Shape(ITable Table, bool Insert, bool Checked, ulong Values, ulong Returning, ulong Tokens, ulong NullTokens, int Rows)
    {
        public string Sql(ColumnPlan[] keyColumns)
        {
            var columns = Table.Columns.ToList();
            List<IColumn> Named(ulong mask) => columns.Where((_, i) => (mask & (1UL << i)) != 0).ToList();
            var sql = new StringBuilder();
            var name = $"{Quote(Table.Schema!)}.{Quote(Table.Name)}";
            var index = 0;
            if (Insert)
            {
                // A multi-row VALUES list of an INSERT takes its types from the target columns, as a single row does.
                var set = Named(Values);
                sql.Append("INSERT INTO ").Append(name).Append(" (").AppendJoin(", ", set.Select(c => Quote(c.Name))).Append(") VALUES ");
                for (var row = 0; row < Rows; row++)
                {
                    sql.Append(row == 0 ? "(" : ", (").AppendJoin(", ", set.Select(_ => $"${++index}")).Append(')');
                }

                if (Returning != 0)
                {
                    sql.Append(" RETURNING ").AppendJoin(", ", Named(Returning).Select(c => Quote(c.Name)));
                }

                return sql.ToString();
            }

            var values = Named(Values);
            var compared = keyColumns.Select(k => k.Column).Concat(Named(Tokens)).ToList();
            if (Rows == 1)
            {
                sql.Append("UPDATE ").Append(name).Append(" SET ").AppendJoin(", ", values.Select(c => $"{Quote(c.Name)} = ${++index}"))
                    .Append(" WHERE ").AppendJoin(" AND ", compared.Select(c => $"{Quote(c.Name)} = ${++index}"));
                foreach (var column in Named(NullTokens))
                {
                    sql.Append(" AND ").Append(Quote(column.Name)).Append(" IS NULL");
                }

                // Checked on the server: no row matched, the division fails the statement, and with it the rest of the batch.
                return Checked ? $"WITH updated AS ({sql} RETURNING 1) SELECT 1 / count(*) FROM updated" : sql.ToString();
            }

            // Several rows: their new values, keys and tokens as a VALUES list joined to the table. Its parameters are
            // cast to the columns' own types, which a VALUES list outside an INSERT would otherwise guess.
            var listed = values.Concat(compared).ToList();
            sql.Append("UPDATE ").Append(name).Append(" AS t SET ")
                .AppendJoin(", ", values.Select((c, i) => $"{Quote(c.Name)} = v.p{i}"))
                .Append(" FROM (VALUES ");
            for (var row = 0; row < Rows; row++)
            {
                sql.Append(row == 0 ? "(" : ", (").AppendJoin(", ", listed.Select(c => $"${++index}::{c.StoreType}")).Append(')');
            }

            sql.Append(") AS v (").AppendJoin(", ", listed.Select((_, i) => $"p{i}")).Append(") WHERE ")
                .AppendJoin(" AND ", compared.Select((c, i) => $"t.{Quote(c.Name)} = v.p{values.Count + i}"));
            foreach (var column in Named(NullTokens))
            {
                sql.Append(" AND t.").Append(Quote(column.Name)).Append(" IS NULL");
            }

            // Checked on the server: unless every row matched, the division fails the statement and the rest of the batch.
            return Checked ? $"WITH updated AS ({sql} RETURNING 1) SELECT 1 / (count(*) = {Rows})::int FROM updated" : sql.ToString();
        }

        private static string Quote(string identifier) => $"\"{identifier.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
    }

    internal readonly record struct Slot(ColumnPlan Column, object? Value, bool Principal);

    /// <summary>A row's values by column ordinal (a table has at most 64 columns here), enumerated in ordinal order.</summary>
    internal sealed class Slots(int columns) : IEnumerable<Slot>
    {
        private readonly Slot[] _slots = new Slot[columns];

        /// <summary>The ordinals set, as bits.</summary>
        public ulong Mask { get; private set; }

        public int Count => BitOperations.PopCount(Mask);

        public bool TryGet(int ordinal, out Slot slot)
        {
            slot = _slots[ordinal];
            return (Mask & (1UL << ordinal)) != 0;
        }

        public void Put(Slot slot)
        {
            _slots[slot.Column.Ordinal] = slot;
            Mask |= 1UL << slot.Column.Ordinal;
        }

        public Enumerator GetEnumerator() => new(this);

        IEnumerator<Slot> IEnumerable<Slot>.GetEnumerator() => GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        public struct Enumerator(Slots slots) : IEnumerator<Slot>
        {
            private ulong _left = slots.Mask;

            public Slot Current { get; private set; }

            readonly object System.Collections.IEnumerator.Current => Current;

            public bool MoveNext()
            {
                if (_left == 0)
                {
                    return false;
                }

                var ordinal = BitOperations.TrailingZeroCount(_left);
                _left &= _left - 1;
                Current = slots._slots[ordinal];
                return true;
            }

            public void Reset() => throw new NotSupportedException();

            public readonly void Dispose()
            {
            }
        }
    }

    /// <summary>A row's identity within one save: its table and primary key values.</summary>
    private sealed class RowKey(ITable table, object?[] values) : IEquatable<RowKey>
    {
        public ITable Table { get; } = table;

        public object?[] Values { get; } = values;

        public bool Equals(RowKey? other) =>
            other is not null && other.Table == Table && other.Values.AsSpan().SequenceEqual(Values, EqualityComparer<object?>.Default);

        public override bool Equals(object? obj) => Equals(obj as RowKey);

        public override int GetHashCode()
        {
            var hash = new HashCode();
            hash.Add(Table);
            foreach (var value in Values)
            {
                hash.Add(value);
            }

            return hash.ToHashCode();
        }
    }
}
