using OrderHub.IntegrationTests.Infrastructure;

namespace OrderHub.IntegrationTests.Notifications;

/// <summary>The app wired to a real SMTP server process, with retry delays short enough for tests.</summary>
public sealed class NotificationsApp : OrderHubApp
{
    public const string Sender = "shop@orderhub.test";

    private SmtpSink? _smtp;

    public SmtpSink Smtp => _smtp ?? throw new InvalidOperationException("The SMTP server is not started.");

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
        await base.InitializeAsync();
    }

    protected override async Task DisposeExternalServersAsync()
    {
        if (_smtp is not null)
        {
            await _smtp.DisposeAsync();
        }
    }
}
