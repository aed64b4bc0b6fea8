using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.IntegrationTests.Returns;

namespace OrderHub.IntegrationTests.Notifications;

/// <summary>
/// The app pointed at a loopback port where each test starts the SMTP server it needs (<see cref="StartSmtpAsync"/>),
/// or none. A failed email waits an hour before its next attempt, so a test decides when the next batch goes out
/// by moving the clock (<see cref="SendEverythingDue"/>).
/// </summary>
public abstract class SmtpScenarioApp : OrderHubApp
{
    public const string Sender = "shop@orderhub.test";

    protected SmtpScenarioApp()
    {
        Set("OrderHub:Smtp:Host", "127.0.0.1");
        Set("OrderHub:Smtp:Port", SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Set("OrderHub:Smtp:From", $"OrderHub Shop <{Sender}>");
        Set("OrderHub:Smtp:Timeout", "00:00:10");
        Set("OrderHub:Notifications:PollInterval", "00:00:00.200");
        Set("OrderHub:Notifications:FirstRetryDelay", "01:00:00");
        Set("OrderHub:Notifications:MaxRetryDelay", "01:00:00");
    }

    public int SmtpPort { get; } = SmtpSink.FreePort();

    public AdjustableClock Clock { get; } = new();

    public Task<SmtpSink> StartSmtpAsync(SmtpSinkOptions? options = null) => SmtpSink.StartAsync(options, SmtpPort);

    /// <summary>Makes every waiting retry due; the next poll sends them together, as one batch.</summary>
    public void SendEverythingDue() => Clock.Advance(TimeSpan.FromHours(2));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

/// <summary>Plain SMTP without a login.</summary>
public sealed class PlainSmtpApp : SmtpScenarioApp;

/// <summary>Plain SMTP with a login.</summary>
public sealed class AuthenticatingSmtpApp : SmtpScenarioApp
{
    public const string User = "orderhub";
    public const string Password = "s3cret-Pa55";

    public AuthenticatingSmtpApp()
    {
        Set("OrderHub:Smtp:User", User);
        Set("OrderHub:Smtp:Password", Password);
    }
}

/// <summary>A TLS setting and a self-signed server certificate pinned by its thumbprint.</summary>
public abstract class TlsSmtpApp : SmtpScenarioApp
{
    protected TlsSmtpApp(string security)
    {
        Set("OrderHub:Smtp:Security", security);
        Set("OrderHub:Smtp:AcceptedCertificateThumbprint", Certificate.Sha256Thumbprint);
    }

    public TestCertificate Certificate { get; } = TestCertificate.Create();

    protected override async Task DisposeExternalServersAsync()
    {
        await base.DisposeExternalServersAsync();
        Certificate.Dispose();
    }
}

public sealed class StartTlsSmtpApp() : TlsSmtpApp("StartTls");

public sealed class ImplicitTlsSmtpApp() : TlsSmtpApp("SslOnConnect");
