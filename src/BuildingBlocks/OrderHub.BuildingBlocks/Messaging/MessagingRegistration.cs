using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.BuildingBlocks.Scheduling;

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
        services.AddRecurringJob<OutboxRetryJob>(options.PollInterval);
        return services;
    }
}
