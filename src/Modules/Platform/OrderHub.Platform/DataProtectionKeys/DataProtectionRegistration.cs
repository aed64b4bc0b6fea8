using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace OrderHub.Platform.DataProtectionKeys;

internal static class DataProtectionRegistration
{
    /// <summary>One key ring for every node of a deployment: the application name and the keys come from the database, not the process.</summary>
    public static IServiceCollection AddSharedDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("OrderHub");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(options =>
                options.XmlRepository = new DatabaseKeyRing(sp.GetRequiredService<IServiceScopeFactory>(), sp.GetRequiredService<TimeProvider>())));
        return services;
    }
}
