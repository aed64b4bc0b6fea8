using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.IntegrationTests.Infrastructure;

namespace OrderHub.IntegrationTests.Returns;

/// <summary>The application with a clock the tests move, and return deadlines checked five times a second.</summary>
public sealed class ReturnsApp : OrderHubApp
{
    public ReturnsApp() => Set("OrderHub:Returns:DeadlineCheckInterval", "00:00:00.200");

    public AdjustableClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}
