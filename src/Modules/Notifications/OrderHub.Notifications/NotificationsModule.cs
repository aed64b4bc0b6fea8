using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.BuildingBlocks.Demo;
using OrderHub.BuildingBlocks.Modules;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.BuildingBlocks.Scheduling;
using OrderHub.BuildingBlocks.Security;
using OrderHub.BuildingBlocks.Web;
using OrderHub.Notifications.Contracts;
using OrderHub.Notifications.CreateWebhook;
using OrderHub.Notifications.CustomerLinks;
using OrderHub.Notifications.DeactivateWebhook;
using OrderHub.Notifications.DemoSeed;
using OrderHub.Notifications.Domain;
using OrderHub.Notifications.GetWebhook;
using OrderHub.Notifications.ListNotifications;
using OrderHub.Notifications.ListWebhookDeliveries;
using OrderHub.Notifications.ListWebhooks;
using OrderHub.Notifications.Persistence;
using OrderHub.Notifications.Publishing;
using OrderHub.Notifications.RedeliverWebhook;
using OrderHub.Notifications.Sending;
using OrderHub.Notifications.WebhookTargets;

namespace OrderHub.Notifications;

/// <summary>Composition of the Notifications module, called by the host.</summary>
public static class NotificationsModule
{
    public static ModuleDescriptor Descriptor { get; } = new(
        NotificationsContracts.ModuleName,
        NotificationsContracts.Schema,
        typeof(NotificationsDbContext),
        [typeof(NotificationsModule).Assembly, typeof(NotificationsContracts).Assembly]);

    public static IServiceCollection AddNotificationsModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(Descriptor);
        services.AddModuleDbContext<NotificationsDbContext>(NotificationsContracts.Schema);

        var options = configuration.GetSection(NotificationOptions.SectionName).Get<NotificationOptions>() ?? new NotificationOptions();
        var webhooks = configuration.GetSection(WebhookOptions.SectionName).Get<WebhookOptions>() ?? new WebhookOptions();
        if (webhooks.MaxConcurrentSubscriptions < 1)
        {
            throw new InvalidOperationException($"{WebhookOptions.SectionName}:{nameof(WebhookOptions.MaxConcurrentSubscriptions)} must be at least 1; it is {webhooks.MaxConcurrentSubscriptions}.");
        }

        services.AddSingleton(options);
        services.AddSingleton(webhooks);
        services.AddSingleton((configuration.GetSection(SmtpOptions.SectionName).Get<SmtpOptions>() ?? new SmtpOptions()).Validate());

        services.AddSingleton(PublicSite.From(configuration[PublicSite.ConfigurationKey]));
        services.AddSingleton(sp => new LinkSigningKey(sp.GetRequiredService<IServiceScopeFactory>(), sp.GetRequiredService<TimeProvider>(), configuration[LinkSigningKey.ConfigurationKey]));
        services.AddHostedService<LinkSigningKeyWarmUp>();
        services.AddTransient<IDemoSeedContributor, NotificationsDemoSeed>();
        services.AddSingleton<ReturnLinks>();
        services.AddSingleton<WebhookTargetGuard>();

        services.AddScoped<NotificationWriter>();
        services.AddSingleton<SmtpConnection>();
        services.AddScoped<IOutgoingChannel<Notification>, EmailChannel>();
        services.AddScoped<IOutgoingChannel<WebhookDelivery>, WebhookChannel>();
        services.AddSingleton(typeof(DeliverySignal<>));
        services.AddCommittedStateCache<ActiveSubscriptionsCache>();
        services.AddSingleton<OutgoingMessageSender>();
        services.AddHostedService<EmailSendingService>();
        services.AddHostedService<WebhookSendingService>();
        services.AddHttpClient(WebhookOptions.HttpClientName, client => client.Timeout = webhooks.Timeout)
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                // A redirect is an answer to fix at the subscription, not one to follow with the signed body
                // (nor a way round the target checks).
                AllowAutoRedirect = false,
                // A proxy would resolve and connect on its own, out of reach of the target checks.
                UseProxy = false,
                ConnectCallback = webhooks.AllowPrivateTargets ? null : sp.GetRequiredService<WebhookTargetGuard>().ConnectAsync,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                // Every lane may hold a connection to its own receiver; several receivers may share a host.
                MaxConnectionsPerServer = webhooks.MaxConcurrentSubscriptions,
            });
        services.AddRecurringJob<NotificationSendingJob>(options.PollInterval);
        return services;
    }

    public static IEndpointRouteBuilder MapNotificationsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var notifications = endpoints.MapGroup("/api/v1/notifications")
            .WithTags("Notifications")
            .WithStandardProblems()
            .RequireAuthorization(Policies.Read);
        ListNotificationsEndpoint.Map(notifications);

        var webhooks = endpoints.MapGroup("/api/v1/webhooks")
            .WithTags("Webhooks")
            .WithStandardProblems()
            .RequireAuthorization(Policies.Staff);
        CreateWebhookEndpoint.Map(webhooks);
        ListWebhooksEndpoint.Map(webhooks);
        GetWebhookEndpoint.Map(webhooks);
        DeactivateWebhookEndpoint.Map(webhooks);
        ListWebhookDeliveriesEndpoint.Map(webhooks);
        RedeliverWebhookEndpoint.Map(webhooks);
        return endpoints;
    }
}
