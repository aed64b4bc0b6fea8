using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.IntegrationTests.Returns;

namespace OrderHub.IntegrationTests.Notifications;

/// <summary>
/// The app wired to a real SMTP server process, with retry delays short enough for tests, webhook receivers
/// allowed on loopback, customer links on a known public address and signing key, and a clock tests move.
/// </summary>
public sealed class NotificationsApp : OrderHubApp
{
    public const string Sender = "shop@orderhub.test";
    public const string PublicBaseUrl = "http://shop.orderhub.test";
    public const string LinkSigningKey = "test-link-signing-key-0123456789abcdef";

    private SmtpSink? _smtp;

    public SmtpSink Smtp => _smtp ?? throw new InvalidOperationException("The SMTP server is not started.");

    public AdjustableClock Clock { get; } = new();

    public override async Task InitializeAsync()
    {
        _smtp = await SmtpSink.StartAsync();
        Set("OrderHub:Smtp:Host", "127.0.0.1");
        Set("OrderHub:Smtp:Port", _smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Set("OrderHub:Smtp:From", $"OrderHub Shop <{Sender}>");
        Set("OrderHub:Notifications:PollInterval", "00:00:00.200");
        Set("OrderHub:Notifications:FirstRetryDelay", "00:00:00.200");
        Set("OrderHub:Webhooks:FirstRetryDelay", "00:00:00.100");
        Set("OrderHub:Webhooks:MaxRetryDelay", "00:00:00.300");
        Set("OrderHub:Webhooks:RetryFor", "00:00:03");
        Set("OrderHub:Returns:DeadlineCheckInterval", "00:00:00.200");
        Set("OrderHub:Webhooks:AllowPrivateTargets", "true");
        Set("OrderHub:PublicBaseUrl", PublicBaseUrl);
        Set("OrderHub:Security:LinkSigningKey", LinkSigningKey);
        await base.InitializeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    protected override async Task DisposeExternalServersAsync()
    {
        if (_smtp is not null)
        {
            await _smtp.DisposeAsync();
        }
    }
}
