namespace OrderHub.BuildingBlocks.Scheduling;

/// <summary>Bound from <c>OrderHub:Scheduling</c>: how nodes of a PostgreSQL cluster watch each other.</summary>
public sealed class SchedulingOptions
{
    public const string SectionName = "OrderHub:Scheduling";

    /// <summary>How often a node records in the database that it is alive.</summary>
    public TimeSpan CheckinInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long past a missed check-in the other nodes wait before they take over the firings of a node they
    /// then consider dead. Longer than any pause a live node may take (a GC, a VM migration, a database failover).
    /// </summary>
    public TimeSpan CheckinMisfireThreshold { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How late a firing may be before it counts as missed and the job waits for its next one.</summary>
    public TimeSpan MisfireThreshold { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>PostgreSQL: how often a node looks for triggers a database failure left in Quartz's error state.</summary>
    public TimeSpan TriggerWatchInterval { get; set; } = TimeSpan.FromSeconds(10);
}
