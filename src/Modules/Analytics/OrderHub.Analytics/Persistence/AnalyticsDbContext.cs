using Microsoft.EntityFrameworkCore;
using OrderHub.Analytics.Contracts;
using OrderHub.BuildingBlocks.Persistence;

namespace OrderHub.Analytics.Persistence;

/// <summary>The returns analytics read model, in schema <c>analytics</c>; nothing here is the source of any fact.</summary>
internal sealed class AnalyticsDbContext(DbContextOptions<AnalyticsDbContext> options)
    : ModuleDbContext(options)
{
    public override string SchemaName => AnalyticsContracts.Schema;

    public DbSet<OrderFactRow> OrderFacts => Set<OrderFactRow>();

    public DbSet<ReturnFactRow> ReturnFacts => Set<ReturnFactRow>();

    public DbSet<DailyTotalsRow> DailyTotals => Set<DailyTotalsRow>();

    public DbSet<DimensionCounterRow> DimensionCounters => Set<DimensionCounterRow>();

    public DbSet<ReasonCounterRow> ReasonCounters => Set<ReasonCounterRow>();

    public DbSet<CustomerCounterRow> CustomerCounters => Set<CustomerCounterRow>();

    public DbSet<DimensionMonthCounterRow> DimensionMonthCounters => Set<DimensionMonthCounterRow>();

    public DbSet<ReasonMonthCounterRow> ReasonMonthCounters => Set<ReasonMonthCounterRow>();

    public DbSet<CustomerMonthCounterRow> CustomerMonthCounters => Set<CustomerMonthCounterRow>();

    public DbSet<StageHourMonthCounterRow> StageHourMonthCounters => Set<StageHourMonthCounterRow>();

    public DbSet<StageDurationMonthCounterRow> StageDurationMonthCounters => Set<StageDurationMonthCounterRow>();

    protected override void ConfigureModule(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OrderFactRow>(b =>
        {
            b.ToTable("order_facts");
            b.HasKey(x => x.OrderId);
            b.Property(x => x.Storefront).HasMaxLength(64);
            b.Property(x => x.CustomerEmail).HasMaxLength(254);
            b.Property(x => x.Segment).HasMaxLength(32);
        });

        modelBuilder.Entity<ReturnFactRow>(b =>
        {
            b.ToTable("return_facts");
            b.HasKey(x => x.Id);
            b.Property(x => x.Storefront).HasMaxLength(64);
            b.Property(x => x.CustomerEmail).HasMaxLength(254);
            b.Property(x => x.Segment).HasMaxLength(32);
            b.Property(x => x.Resolution).HasMaxLength(32);
            b.HasIndex(x => x.RequestedDay);
            b.HasIndex(x => new { x.Storefront, x.RequestedDay });
        });

        modelBuilder.Entity<DailyTotalsRow>(b =>
        {
            b.ToTable("daily_totals");
            b.HasKey(x => new { x.Day, x.Storefront });
            b.Property(x => x.Storefront).HasMaxLength(64);
        });

        modelBuilder.Entity<DimensionCounterRow>(b =>
        {
            b.ToTable("dimension_counters");
            b.HasKey(x => new { x.Dimension, x.Day, x.Storefront, x.Key });
            b.Property(x => x.Dimension).HasMaxLength(16);
            b.Property(x => x.Storefront).HasMaxLength(64);
            b.Property(x => x.Key).HasMaxLength(64);
        });

        modelBuilder.Entity<ReasonCounterRow>(b =>
        {
            b.ToTable("reason_counters");
            b.HasKey(x => new { x.Dimension, x.Day, x.Storefront, x.Key, x.Reason });
            b.Property(x => x.Dimension).HasMaxLength(16);
            b.Property(x => x.Storefront).HasMaxLength(64);
            b.Property(x => x.Key).HasMaxLength(64);
            b.Property(x => x.Reason).HasMaxLength(32);
        });

        modelBuilder.Entity<CustomerCounterRow>(b =>
        {
            b.ToTable("customer_counters");
            b.HasKey(x => new { x.Day, x.Storefront, x.CustomerEmail });
            b.Property(x => x.Storefront).HasMaxLength(64);
            b.Property(x => x.CustomerEmail).HasMaxLength(254);
        });

        modelBuilder.Entity<DimensionMonthCounterRow>(b =>
        {
            b.ToTable("dimension_month_counters");
            b.HasKey(x => new { x.Dimension, x.Month, x.Storefront, x.Key });
            b.Property(x => x.Dimension).HasMaxLength(16);
            b.Property(x => x.Storefront).HasMaxLength(64);
            b.Property(x => x.Key).HasMaxLength(64);
        });

        modelBuilder.Entity<ReasonMonthCounterRow>(b =>
        {
            b.ToTable("reason_month_counters");
            b.HasKey(x => new { x.Dimension, x.Month, x.Storefront, x.Key, x.Reason });
            b.Property(x => x.Dimension).HasMaxLength(16);
            b.Property(x => x.Storefront).HasMaxLength(64);
            b.Property(x => x.Key).HasMaxLength(64);
            b.Property(x => x.Reason).HasMaxLength(32);
        });

        modelBuilder.Entity<CustomerMonthCounterRow>(b =>
        {
            b.ToTable("customer_month_counters");
            b.HasKey(x => new { x.Month, x.Storefront, x.CustomerEmail });
            b.Property(x => x.Storefront).HasMaxLength(64);
            b.Property(x => x.CustomerEmail).HasMaxLength(254);
        });

        modelBuilder.Entity<StageHourMonthCounterRow>(b =>
        {
            b.ToTable("stage_hour_month_counters");
            b.HasKey(x => new { x.Stage, x.Month, x.Storefront, x.Hour });
            b.Property(x => x.Stage).HasMaxLength(32);
            b.Property(x => x.Storefront).HasMaxLength(64);
        });

        modelBuilder.Entity<StageDurationMonthCounterRow>(b =>
        {
            b.ToTable("stage_duration_month_counters");
            b.HasKey(x => new { x.Stage, x.Centihours, x.Month, x.Storefront });
            b.Property(x => x.Stage).HasMaxLength(32);
            b.Property(x => x.Storefront).HasMaxLength(64);
        });
    }
}
