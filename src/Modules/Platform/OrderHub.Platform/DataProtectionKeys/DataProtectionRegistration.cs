using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace OrderHub.Platform.DataProtectionKeys;

internal static class DataProtectionRegistration
{
    /// <summary>One key ring for every node of a deployment: the application name and the keys come from the database, not the process.</summary>
    public static IServiceCollection AddSharedDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("OrderHub");
        // The key manager warns at every new key that no XML encryptor is set: keys at rest in the database are
        // unencrypted by decision (ADR 0029), so the warning would only train operators to ignore warnings.
        services.AddLogging(logging => logging.AddFilter(typeof(XmlKeyManager).FullName, LogLevel.Error));
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(options =>
                options.XmlRepository = new DatabaseKeyRing(sp.GetRequiredService<IServiceScopeFactory>(), sp.GetRequiredService<TimeProvider>())));
        return services;
    }
}
