using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrderHub.BuildingBlocks.Domain;

namespace OrderHub.BuildingBlocks.Persistence;

/// <summary>Maps a <see cref="TimelineEntry{TStatus}"/> type: its table, the owner's key column, and the key (owner, sequence).</summary>
public static class TimelineMapping
{
    public static EntityTypeBuilder<TEntry> IsTimelineOf<TEntry>(this EntityTypeBuilder<TEntry> builder, string table, string ownerColumn)
        where TEntry : class
    {
        builder.ToTable(table);
        builder.Property<Guid>(nameof(TimelineEntry<DayOfWeek>.OwnerId)).HasColumnName(ownerColumn);
        builder.HasKey(nameof(TimelineEntry<DayOfWeek>.OwnerId), nameof(TimelineEntry<DayOfWeek>.Sequence));
        builder.Property<string>(nameof(TimelineEntry<DayOfWeek>.Event)).HasMaxLength(64);
        builder.Property<string>(nameof(TimelineEntry<DayOfWeek>.Actor)).HasMaxLength(200);
        builder.Property<string?>(nameof(TimelineEntry<DayOfWeek>.Detail)).HasMaxLength(1000);
        return builder;
    }
}
