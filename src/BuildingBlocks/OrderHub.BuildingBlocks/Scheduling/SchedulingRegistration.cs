using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OrderHub.BuildingBlocks.Persistence;
using Quartz;

namespace OrderHub.BuildingBlocks.Scheduling;

/// <summary>
/// Quartz for the recurring background jobs. On SQLite (one process) the schedule lives in memory. On PostgreSQL
/// every node shares one clustered schedule in the database (ADR 0020): each firing runs on exactly one node,
/// <see cref="DisallowConcurrentExecutionAttribute"/> holds across nodes, and a dead node's firings are recovered by
/// the others once it misses its check-ins.
/// </summary>
public static class SchedulingRegistration
{
    /// <summary>The PostgreSQL schema of Quartz's tables; OrderHub creates it at startup, Quartz its tables in it.</summary>
    public const string QuartzSchema = "quartz";

    /// <summary>Shared by every node of a cluster: Quartz tells clusters apart by this name.</summary>
    public const string SchedulerName = "OrderHub";

    public static IServiceCollection AddOrderHubScheduling(this IServiceCollection services, IConfiguration configuration)
    {
        var database = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var options = configuration.GetSection(SchedulingOptions.SectionName).Get<SchedulingOptions>() ?? new SchedulingOptions();
        services.AddSingleton(options);

        // Every node declares the same jobs and triggers at startup. Replacing what is stored keeps a changed
        // interval in effect after a restart, and the replacing trigger continues from the replaced one's last
        // firing, so restarting a node neither duplicates a trigger nor pushes its next firing back.
        services.Configure<QuartzOptions>(o =>
        {
            o.Scheduling.OverwriteExistingData = true;
            o.Scheduling.ScheduleTriggerRelativeToReplacedTrigger = true;
        });
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(s => s.InstanceName = SchedulerName);
            if (database.Provider != DatabaseProvider.Postgres)
            {
                return;
            }

            q.UseInstanceIdGenerator(new NodeInstanceIdGenerator());
            q.UsePersistentStore(store =>
            {
                store.UsePostgres(NpgsqlFactory.Instance, configuration.GetConnectionString(PersistenceRegistration.ConnectionStringName)!);
                store.UseSystemTextJsonSerializer();
                store.ConfigureStore(s =>
                {
                    s.TablePrefix = $"{QuartzSchema}.qrtz_";

                    // A polling job that is late by more than this skips to its next firing. The database store
                    // leaves such a trigger to its misfire handler, which runs this often, rather than firing it
                    // when it finds it: Quartz's minute would stall a job that long after a pause.
                    s.MisfireThreshold = options.MisfireThreshold;
                });

                // Quartz 4.7 ships a guarded creation script for its own tables that tolerates several nodes
                // starting at once; the schema they live in is created by the migrator (QuartzSchemaStep).
                store.ProvisionSchema();
                // One history for the cluster (which node ran which job, and for how long) instead of one per node.
                store.UseExecutionHistory();
                store.UseClustering(c =>
                {
                    c.CheckinInterval = options.CheckinInterval;
                    c.CheckinMisfireThreshold = options.CheckinMisfireThreshold;
                });
            });
        });
        if (database.Provider == DatabaseProvider.Postgres)
        {
            services.AddSingleton<IDatabaseSetupStep, QuartzSchemaStep>();
            services.AddHostedService<TriggerWatchdog>();
        }

        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }

    /// <summary>
    /// Runs <typeparamref name="TJob"/> every <paramref name="interval"/>, first one interval after startup. The
    /// trigger is named after the job, so each node declares the same one and the cluster stores it once.
    /// </summary>
    public static IServiceCollection AddRecurringJob<TJob>(this IServiceCollection services, TimeSpan interval)
        where TJob : class, IRecurringJob =>
        services.AddQuartz(q => q
            .AddJob<TJob>(j => j.WithIdentity(TJob.Key).StoreDurably())
            .AddTrigger(t => t
                .ForJob(TJob.Key)
                .WithIdentity($"{TJob.Key.Name}-trigger", TJob.Key.Group)
                .StartAt(DateTimeOffset.UtcNow + interval)
                .WithSimpleSchedule(s => s.WithInterval(interval).RepeatForever())));
}

/// <summary>A Quartz job that runs on a fixed interval under a key of its own.</summary>
public interface IRecurringJob : IJob
{
    static abstract JobKey Key { get; }
}
