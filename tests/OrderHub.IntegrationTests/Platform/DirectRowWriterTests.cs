using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.IntegrationTests.Infrastructure;

namespace OrderHub.IntegrationTests.Platform;

/// <summary>
/// The direct row writer (ADR 0032) against a real PostgreSQL server, on a small model with every shape the modules
/// use: an aggregate with owned values in its row, children, an identity key, a unique index, an enum stored by name
/// and a concurrency token. Each save it takes must leave the rows EF Core's own save leaves, and fail as EF Core fails.
/// </summary>
public sealed class DirectRowWriterTests : IAsyncLifetime
{
    private TestDatabase? _database;

    private string ConnectionString => _database!.ConnectionString;

    public async Task InitializeAsync()
    {
        if (TestDatabase.ConfiguredProvider != DatabaseProvider.Postgres)
        {
            return;
        }

        _database = await TestDatabase.CreateEmptyAsync();
        await using var db = Open();
        await db.Database.EnsureCreatedAsync();
    }

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await _database.DisposeAsync();
        }
    }

    [PostgresFact]
    public async Task An_aggregate_with_owned_values_children_and_an_identity_row_is_written_in_one_batch_with_the_rows_EF_Core_writes()
    {
        var direct = NewParcel("P-1");
        var viaEf = NewParcel("P-2");

        await using (var db = Open())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Parcels.Add(direct.Parcel);
            db.Scans.Add(direct.Scan);
            var save = DirectRowWriter.Prepare(db).ShouldNotBeNull();
            await DirectRowWriter.WriteAsync(save, CancellationToken.None);
            save.Entries.ShouldBe(5, "parcel, its recipient, two items and the scan");
            db.ChangeTracker.AcceptAllChanges();
            await transaction.CommitAsync();
            db.ChangeTracker.Entries().ShouldAllBe(e => e.State == EntityState.Unchanged);
        }

        await using (var db = Open())
        {
            db.Parcels.Add(viaEf.Parcel);
            db.Scans.Add(viaEf.Scan);
            await db.SaveChangesAsync();
        }

        direct.Scan.Id.ShouldBeGreaterThan(0, "the identity the database assigned is set on the entity");
        (await ScalarAsync<long>($"SELECT id FROM scans WHERE parcel_id = '{direct.Parcel.Id}'")).ShouldBe(direct.Scan.Id);
        (await RowsAsync(direct)).ShouldBe(await RowsAsync(viaEf));
        (await ScalarAsync<string>($"SELECT status FROM parcels WHERE id = '{direct.Parcel.Id}'")).ShouldBe("Packed");
        (await ScalarAsync<string>($"SELECT recipient_city FROM parcels WHERE id = '{direct.Parcel.Id}'")).ShouldBe("Lyon");
    }

    [PostgresFact]
    public async Task An_update_writes_only_the_changed_columns_and_checks_the_concurrency_token()
    {
        var saved = await SavedParcelAsync("P-3");

        await using (var db = Open())
        {
            var parcel = await db.Parcels.Include(p => p.Items).SingleAsync(p => p.Id == saved.Parcel.Id);

            // Another writer changes a column this save does not touch; the save must keep it.
            await ExecuteAsync($"UPDATE parcels SET note = 'fragile' WHERE id = '{parcel.Id}'");
            parcel.Status = ParcelStatus.Shipped;
            parcel.Recipient.City = "Nantes";
            parcel.Items.Single(i => i.Sku == "SKU-A").Quantity = 7;
            parcel.Version++;
            db.ChangeTracker.DetectChanges();

            var save = DirectRowWriter.Prepare(db).ShouldNotBeNull();
            await DirectRowWriter.WriteAsync(save, CancellationToken.None);
            save.Entries.ShouldBe(3);
            db.ChangeTracker.AcceptAllChanges();
        }

        (await ScalarAsync<string>($"SELECT status || ' ' || recipient_city || ' ' || note || ' ' || version FROM parcels WHERE id = '{saved.Parcel.Id}'"))
            .ShouldBe("Shipped Nantes fragile 2");
        (await ScalarAsync<string>($"SELECT string_agg(quantity::text, ',' ORDER BY sku) FROM parcel_items WHERE parcel_id = '{saved.Parcel.Id}'"))
            .ShouldBe("7,2");
    }

    [PostgresFact]
    public async Task A_stale_concurrency_token_fails_with_a_concurrency_exception_and_writes_nothing()
    {
        var saved = await SavedParcelAsync("P-4");

        await using var stale = Open();
        var parcel = await stale.Parcels.SingleAsync(p => p.Id == saved.Parcel.Id);
        await ExecuteAsync($"UPDATE parcels SET version = version + 1, status = 'Lost' WHERE id = '{parcel.Id}'");

        await using var transaction = await stale.Database.BeginTransactionAsync();
        parcel.Status = ParcelStatus.Shipped;
        parcel.Version++;
        stale.Scans.Add(new Scan { ParcelId = parcel.Id, Place = "dock 2" });
        stale.ChangeTracker.DetectChanges();
        await Should.ThrowAsync<DbUpdateConcurrencyException>(() => DirectRowWriter.WriteAsync(DirectRowWriter.Prepare(stale)!, CancellationToken.None));
        await transaction.RollbackAsync();

        (await ScalarAsync<string>($"SELECT status FROM parcels WHERE id = '{parcel.Id}'")).ShouldBe("Lost");
        (await ScalarAsync<long>($"SELECT count(*) FROM scans WHERE parcel_id = '{parcel.Id}'")).ShouldBe(0L);
    }

    [PostgresFact]
    public async Task With_the_commit_in_the_same_batch_the_rows_commit_and_a_stale_row_fails_the_batch_before_its_commit()
    {
        var saved = await SavedParcelAsync("P-7");
        await using (var db = Open())
        {
            var parcel = await db.Parcels.SingleAsync(p => p.Id == saved.Parcel.Id);
            await using var transaction = await db.Database.BeginTransactionAsync();
            parcel.Note = "checked";
            parcel.Version++;
            db.ChangeTracker.DetectChanges();
            var save = DirectRowWriter.Prepare(db).ShouldNotBeNull();
            await DirectRowWriter.ExecuteAsync(db, [save], [new NpgsqlBatchCommand("COMMIT")], CancellationToken.None);
        }

        (await ScalarAsync<string>($"SELECT note || ' ' || version FROM parcels WHERE id = '{saved.Parcel.Id}'")).ShouldBe("checked 2");

        await using var stale = Open();
        var again = await stale.Parcels.SingleAsync(p => p.Id == saved.Parcel.Id);
        await ExecuteAsync($"UPDATE parcels SET version = version + 1 WHERE id = '{again.Id}'");
        await using (var transaction = await stale.Database.BeginTransactionAsync())
        {
            again.Note = "too late";
            again.Version++;
            stale.Add(new ParcelItem { Id = Guid.NewGuid(), ParcelId = again.Id, Sku = "SKU-C", Quantity = 1 });
            stale.ChangeTracker.DetectChanges();
            var save = DirectRowWriter.Prepare(stale).ShouldNotBeNull();
            await Should.ThrowAsync<DbUpdateConcurrencyException>(
                () => DirectRowWriter.ExecuteAsync(stale, [save], [new NpgsqlBatchCommand("COMMIT")], CancellationToken.None));
            await transaction.RollbackAsync();
        }

        (await ScalarAsync<string>($"SELECT note || ' ' || version FROM parcels WHERE id = '{again.Id}'")).ShouldBe("checked 3");
        (await ScalarAsync<long>($"SELECT count(*) FROM parcel_items WHERE parcel_id = '{again.Id}'")).ShouldBe(2L, "the insert before the stale update did not commit");
    }

    [PostgresFact]
    public async Task Rows_of_one_shape_share_one_statement_each_row_getting_its_own_values()
    {
        var parcels = new List<Guid>();
        foreach (var code in new[] { "M-1", "M-2", "M-3", "M-4" })
        {
            parcels.Add((await SavedParcelAsync(code)).Parcel.Id);
        }

        await CountStatementsAsync();
        await using (var db = Open())
        {
            var loaded = await db.Parcels.Where(p => parcels.Contains(p.Id)).OrderBy(p => p.Code).ToListAsync();
            await using var transaction = await db.Database.BeginTransactionAsync();
            foreach (var parcel in loaded.Take(3))
            {
                // The same columns change on three rows: one statement, each row with its own new values.
                parcel.Status = ParcelStatus.Shipped;
                parcel.Recipient.City = $"City of {parcel.Code}";
                parcel.Version++;
                db.Add(new ParcelItem { Id = Guid.NewGuid(), ParcelId = parcel.Id, Sku = $"SKU-{parcel.Code}", Quantity = parcel.Code[^1] - '0' });
            }

            // Other columns change on the fourth: a statement of its own.
            loaded[3].Note = "held";
            loaded[3].Version++;
            db.ChangeTracker.DetectChanges();
            var save = DirectRowWriter.Prepare(db).ShouldNotBeNull();
            await DirectRowWriter.WriteAsync(save, CancellationToken.None);
            await transaction.CommitAsync();
        }

        (await ScalarAsync<string>("SELECT string_agg(op || ' ' || tbl || ' ' || n, ', ' ORDER BY tbl, op) FROM (SELECT op, tbl, count(*) AS n FROM statement_log GROUP BY op, tbl) s"))
            .ShouldBe("INSERT parcel_items 1, UPDATE parcels 2");
        (await ScalarAsync<string>("SELECT string_agg(code || ' ' || status || ' ' || recipient_city || ' ' || coalesce(note, '-') || ' ' || version, ', ' ORDER BY code) FROM parcels WHERE code LIKE 'M-%'"))
            .ShouldBe("M-1 Shipped City of M-1 - 2, M-2 Shipped City of M-2 - 2, M-3 Shipped City of M-3 - 2, M-4 Packed Lyon held 2");
        (await ScalarAsync<string>("SELECT string_agg(p.code || ' ' || i.quantity, ', ' ORDER BY p.code) FROM parcel_items i JOIN parcels p ON p.id = i.parcel_id WHERE i.sku LIKE 'SKU-M-%'"))
            .ShouldBe("M-1 1, M-2 2, M-3 3");
    }

    [PostgresFact]
    public async Task One_stale_row_among_rows_sharing_a_statement_fails_the_save_alone_or_with_the_commit()
    {
        var parcels = new List<Guid>();
        foreach (var code in new[] { "S-1", "S-2", "S-3" })
        {
            parcels.Add((await SavedParcelAsync(code)).Parcel.Id);
        }

        foreach (var withCommit in new[] { false, true })
        {
            await using var stale = Open();
            var loaded = await stale.Parcels.Where(p => parcels.Contains(p.Id)).OrderBy(p => p.Code).ToListAsync();
            await ExecuteAsync($"UPDATE parcels SET version = version + 1 WHERE id = '{loaded[1].Id}'");
            await using var transaction = await stale.Database.BeginTransactionAsync();
            foreach (var parcel in loaded)
            {
                parcel.Note = "too late";
                parcel.Version++;
            }

            stale.ChangeTracker.DetectChanges();
            var save = DirectRowWriter.Prepare(stale).ShouldNotBeNull();
            await Should.ThrowAsync<DbUpdateConcurrencyException>(() => withCommit
                ? DirectRowWriter.ExecuteAsync(stale, [save], [new NpgsqlBatchCommand("COMMIT")], CancellationToken.None)
                : DirectRowWriter.WriteAsync(save, CancellationToken.None));
            await transaction.RollbackAsync();
        }

        (await ScalarAsync<long>("SELECT count(*) FROM parcels WHERE code LIKE 'S-%' AND note IS NOT NULL")).ShouldBe(0L, "the two current rows were not written either");
        (await ScalarAsync<string>("SELECT string_agg(version::text, ',' ORDER BY code) FROM parcels WHERE code LIKE 'S-%'")).ShouldBe("1,3,1");
    }

    /// <summary>Logs every INSERT and UPDATE statement on the parcel tables from now on, one row per statement, however many rows it writes.</summary>
    private Task CountStatementsAsync() => ExecuteAsync("""
        CREATE TABLE statement_log (tbl text NOT NULL, op text NOT NULL);
        CREATE FUNCTION log_statement() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN INSERT INTO statement_log VALUES (TG_TABLE_NAME, TG_OP); RETURN NULL; END $$;
        CREATE TRIGGER parcels_statements AFTER INSERT OR UPDATE ON parcels FOR EACH STATEMENT EXECUTE FUNCTION log_statement();
        CREATE TRIGGER parcel_items_statements AFTER INSERT OR UPDATE ON parcel_items FOR EACH STATEMENT EXECUTE FUNCTION log_statement();
        """);

    [PostgresFact]
    public async Task A_unique_violation_is_a_DbUpdateException_that_OrderHub_recognises_as_one()
    {
        await SavedParcelAsync("P-5");

        await using var again = Open();
        again.Parcels.Add(NewParcel("P-5").Parcel);
        var failure = await Should.ThrowAsync<DbUpdateException>(() => DirectRowWriter.WriteAsync(DirectRowWriter.Prepare(again)!, CancellationToken.None));
        DbErrors.IsUniqueViolation(failure).ShouldBeTrue();
        (await ScalarAsync<long>("SELECT count(*) FROM parcel_items")).ShouldBe(2L, "the failed batch wrote none of its rows");
    }

    [PostgresFact]
    public async Task A_save_with_a_deleted_row_is_left_to_EF_Core_untouched()
    {
        var saved = await SavedParcelAsync("P-6");

        await using (var db = Open())
        {
            var parcel = await db.Parcels.Include(p => p.Items).SingleAsync(p => p.Id == saved.Parcel.Id);
            parcel.Items.Remove(parcel.Items.Single(i => i.Sku == "SKU-A"));
            parcel.Note = "one item left";
            db.ChangeTracker.DetectChanges();

            DirectRowWriter.Prepare(db).ShouldBeNull();
            (await ScalarAsync<long>($"SELECT count(*) FROM parcel_items WHERE parcel_id = '{parcel.Id}'")).ShouldBe(2L);
            (await ScalarAsync<string?>($"SELECT note FROM parcels WHERE id = '{parcel.Id}'")).ShouldBeNull();
        }
    }

    /// <summary>A parcel saved through EF Core, as the starting point of a test.</summary>
    private async Task<(Parcel Parcel, Scan Scan)> SavedParcelAsync(string code)
    {
        var saved = NewParcel(code);
        await using var db = Open();
        db.Parcels.Add(saved.Parcel);
        await db.SaveChangesAsync();
        return saved;
    }

    private static (Parcel Parcel, Scan Scan) NewParcel(string code)
    {
        var parcel = new Parcel
        {
            Id = Guid.NewGuid(),
            Code = code,
            Status = ParcelStatus.Packed,
            PackedAt = new DateTime(2026, 11, 30, 9, 15, 0, DateTimeKind.Utc),
            Weight = 1.25m,
            Recipient = new Recipient { Name = "Ana Ruiz", City = "Lyon" },
            Version = 1,
        };
        parcel.Items.Add(new ParcelItem { Id = Guid.NewGuid(), ParcelId = parcel.Id, Sku = "SKU-A", Quantity = 1 });
        parcel.Items.Add(new ParcelItem { Id = Guid.NewGuid(), ParcelId = parcel.Id, Sku = "SKU-B", Quantity = 2 });
        return (parcel, new Scan { ParcelId = parcel.Id, Place = "dock 1" });
    }

    /// <summary>Every column of the parcel's rows but the keys, which differ between two parcels by design.</summary>
    private async Task<string> RowsAsync((Parcel Parcel, Scan Scan) saved)
    {
        var id = saved.Parcel.Id;
        var parcel = await ScalarAsync<string>($"SELECT (to_jsonb(p) - 'id' - 'code')::text FROM parcels p WHERE id = '{id}'");
        var items = await ScalarAsync<string>($"SELECT jsonb_agg(to_jsonb(i) - 'id' - 'parcel_id' ORDER BY sku)::text FROM parcel_items i WHERE parcel_id = '{id}'");
        var scans = await ScalarAsync<string>($"SELECT jsonb_agg(to_jsonb(s) - 'id' - 'parcel_id')::text FROM scans s WHERE parcel_id = '{id}'");
        return JsonSerializer.Serialize(new { parcel, items, scans });
    }

    private ParcelDb Open() => new(new DbContextOptionsBuilder<ParcelDb>().UseNpgsql(ConnectionString).Options);

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync();
        return value is DBNull ? default! : (T)value!;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public enum ParcelStatus
    {
        Packed,
        Shipped,
        Lost,
    }

    public sealed class Parcel
    {
        public Guid Id { get; set; }

        public string Code { get; set; } = string.Empty;

        public ParcelStatus Status { get; set; }

        public DateTime PackedAt { get; set; }

        public decimal Weight { get; set; }

        public string? Note { get; set; }

        public Recipient Recipient { get; set; } = null!;

        public List<ParcelItem> Items { get; } = [];

        public int Version { get; set; }
    }

    public sealed class Recipient
    {
        public string Name { get; set; } = string.Empty;

        public string City { get; set; } = string.Empty;
    }

    public sealed class ParcelItem
    {
        public Guid Id { get; set; }

        public Guid ParcelId { get; set; }

        public string Sku { get; set; } = string.Empty;

        public int Quantity { get; set; }
    }

    public sealed class Scan
    {
        public long Id { get; set; }

        public Guid ParcelId { get; set; }

        public string Place { get; set; } = string.Empty;
    }

    public sealed class ParcelDb(DbContextOptions<ParcelDb> options) : DbContext(options)
    {
        public DbSet<Parcel> Parcels => Set<Parcel>();

        public DbSet<Scan> Scans => Set<Scan>();

        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            modelBuilder.Entity<Parcel>(b =>
            {
                b.ToTable("parcels", "public");
                b.Property(p => p.Id).HasColumnName("id").ValueGeneratedNever();
                b.Property(p => p.Code).HasColumnName("code");
                b.HasIndex(p => p.Code).IsUnique();
                b.Property(p => p.Status).HasColumnName("status").HasConversion<string>();
                b.Property(p => p.PackedAt).HasColumnName("packed_at");
                b.Property(p => p.Weight).HasColumnName("weight").HasPrecision(9, 3);
                b.Property(p => p.Note).HasColumnName("note");
                b.Property(p => p.Version).HasColumnName("version").IsConcurrencyToken();
                b.OwnsOne(p => p.Recipient, r =>
                {
                    r.Property(x => x.Name).HasColumnName("recipient_name");
                    r.Property(x => x.City).HasColumnName("recipient_city");
                });
                b.HasMany(p => p.Items).WithOne().HasForeignKey(i => i.ParcelId);
            });
            modelBuilder.Entity<ParcelItem>(b =>
            {
                b.ToTable("parcel_items", "public");
                b.Property(i => i.Id).HasColumnName("id").ValueGeneratedNever();
                b.Property(i => i.ParcelId).HasColumnName("parcel_id");
                b.Property(i => i.Sku).HasColumnName("sku");
                b.Property(i => i.Quantity).HasColumnName("quantity");
            });
            modelBuilder.Entity<Scan>(b =>
            {
                b.ToTable("scans", "public");
                b.Property(s => s.Id).HasColumnName("id");
                b.Property(s => s.ParcelId).HasColumnName("parcel_id");
                b.Property(s => s.Place).HasColumnName("place");
                b.HasOne<Parcel>().WithMany().HasForeignKey(s => s.ParcelId);
            });
        }
    }
}
