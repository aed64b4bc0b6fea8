using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace OrderHub.BuildingBlocks.Application;

/// <summary>
/// AutoMapper for read-model projections only (<c>ProjectTo</c>), so it stays replaceable. Since version 15
/// it is commercially licensed: the key comes from <c>OrderHub:AutoMapper:LicenseKey</c>.
/// </summary>
public static class MappingRegistration
{
    public const string LicenseKeySetting = "OrderHub:AutoMapper:LicenseKey";

    public static IServiceCollection AddOrderHubMapping(this IServiceCollection services, IConfiguration configuration, IEnumerable<Assembly> assemblies)
    {
        var licenseKey = configuration[LicenseKeySetting];
        services.AddAutoMapper(cfg =>
        {
            if (!string.IsNullOrWhiteSpace(licenseKey))
            {
                cfg.LicenseKey = licenseKey;
            }
        }, assemblies.ToArray());
        return services;
    }
}
