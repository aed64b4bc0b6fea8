using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.Notifications.Contracts;
using OrderHub.Notifications.Domain;

namespace OrderHub.Notifications.Persistence;

/// <summary>The Notifications module's tables, in schema <c>notifications</c>.</summary>
internal sealed class NotificationsDbContext(DbContextOptions<NotificationsDbContext> options)
    : ModuleDbContext(options)
{
    public override string SchemaName => NotificationsContracts.Schema;

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<WebhookSubscription> WebhookSubscriptions => Set<WebhookSubscription>();

    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();

    public DbSet<SigningKey> SigningKeys => Set<SigningKey>();

    protected override void ConfigureModule(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Notification>(b =>
        {
            b.ToTable("notifications");
            ConfigureOutgoing(b);
            b.Property(x => x.Template).HasMaxLength(64);
            b.Property(x => x.Locale).HasMaxLength(16);
            b.Property(x => x.Recipient).HasMaxLength(254);
            b.Property(x => x.RecipientName).HasMaxLength(200);
            b.Property(x => x.Subject).HasMaxLength(500);
            b.Property(x => x.Storefront).HasMaxLength(64);
            b.Property(x => x.OrderNumber).HasMaxLength(32);
            b.Property(x => x.RmaNumber).HasMaxLength(32);
            b.HasIndex(x => x.Recipient);
            b.HasIndex(x => x.OrderId);
            b.HasIndex(x => x.ReturnId);
            b.HasIndex(x => x.SourceEventId);
        });

        modelBuilder.Entity<WebhookSubscription>(b =>
        {
            b.ToTable("webhook_subscriptions");
            b.HasKey(x => x.Id);
            b.Property(x => x.Url).HasMaxLength(2000);
            b.Property(x => x.Events).HasMaxLength(1000);
            b.Property(x => x.Secret).HasMaxLength(200);
            b.Ignore(x => x.EventList);
        });

        modelBuilder.Entity<WebhookDelivery>(b =>
        {
            b.ToTable("webhook_deliveries");
            ConfigureOutgoing(b);
            b.Property(x => x.EventType).HasMaxLength(64);
            b.HasIndex(x => new { x.SubscriptionId, x.EventId }).IsUnique();
            b.HasIndex(x => new { x.SubscriptionId, x.CreatedAt });
            b.HasOne<WebhookSubscription>().WithMany().HasForeignKey(x => x.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
            b.HasMany(x => x.AttemptLog).WithOne().HasForeignKey(a => a.DeliveryId).OnDelete(DeleteBehavior.Cascade);
            b.Navigation(x => x.AttemptLog).UsePropertyAccessMode(PropertyAccessMode.Field);
        });

        modelBuilder.Entity<WebhookDeliveryAttempt>(b =>
        {
            b.ToTable("webhook_delivery_attempts");
            b.HasKey(x => new { x.DeliveryId, x.Number });
            b.Property(x => x.Error).HasMaxLength(OutgoingMessage.MaxErrorLength);
        });

        modelBuilder.Entity<SigningKey>(b =>
        {
            b.ToTable("signing_keys");
            b.HasKey(x => x.Name);
            b.Property(x => x.Name).HasMaxLength(64);
            b.Property(x => x.Secret).HasMaxLength(200);
        });
    }

    private static void ConfigureOutgoing<T>(EntityTypeBuilder<T> b)
        where T : OutgoingMessage
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.LastError).HasMaxLength(OutgoingMessage.MaxErrorLength);
        b.Ignore(x => x.PendingAttemptAt);
        b.HasIndex(x => new { x.Status, x.NextAttemptAt });
        b.HasIndex(x => x.CreatedAt);
    }
}
