using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.BuildingBlocks.Persistence;
using Quartz;

namespace OrderHub.BuildingBlocks.Messaging;

public static class MessagingRegistration
{
    /// <summary>Outbox delivery right after commit, plus the Quartz retry job.</summary>
    public static IServiceCollection AddOrderHubMessaging(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(OutboxOptions.SectionName).Get<OutboxOptions>() ?? new OutboxOptions();
        services.AddSingleton(options);
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<IOutboxSignal>(sp => sp.GetRequiredService<OutboxSignal>());
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService<OutboxDeliveryService>();
        services.AddQuartz(q => q
            .AddJob<OutboxRetryJob>(j => j.WithIdentity(OutboxRetryJob.Key).StoreDurably())
            .AddTrigger(t => t
                .ForJob(OutboxRetryJob.Key)
                .WithIdentity("outbox-retry-trigger", "messaging")
                .StartAt(DateTimeOffset.UtcNow + options.PollInterval)
                .WithSimpleSchedule(s => s.WithInterval(options.PollInterval).RepeatForever())));
        return services;
    }
}
