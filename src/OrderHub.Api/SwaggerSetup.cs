using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using OrderHub.BuildingBlocks.Security;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace OrderHub.Api;

/// <summary>The Swagger document is the partners' manual: API-key scheme, XML docs, problem responses.</summary>
internal static class SwaggerSetup
{
    public static IServiceCollection AddOrderHubSwagger(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        // The document describes what the minimal APIs write (string enums, the house converters). The Razor Pages
        // register MVC's JSON options too, which Swashbuckle would otherwise prefer.
        services.AddTransient<ISerializerDataContractResolver>(provider =>
            new JsonSerializerDataContractResolver(provider.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions));
        services.AddSwaggerGen(o =>
        {
            o.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "OrderHub API",
                Version = "v1",
                Description = "Orders, inventory, warehouse and returns for online sellers and their fulfilment centres. "
                    + "Every /api route needs an X-Api-Key header. Errors are RFC 9457 problem details. "
                    + "Creating POSTs accept Idempotency-Key; single resources carry an ETag and state changes accept If-Match.",
            });
            o.AddSecurityDefinition(ApiKeyDefaults.SchemeName, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = ApiKeyDefaults.HeaderName,
                Description = "An API key issued by POST /api/v1/api-keys (or the bootstrap admin key).",
            });
            o.AddSecurityRequirement(document => new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference(ApiKeyDefaults.SchemeName, document)] = [],
            });
            foreach (var xml in Directory.EnumerateFiles(AppContext.BaseDirectory, "OrderHub.*.xml"))
            {
                o.IncludeXmlComments(xml);
            }

            o.OperationFilter<IdempotencyHeaderFilter>();
            o.SupportNonNullableReferenceTypes();
            o.CustomSchemaIds(t => t.IsGenericType
                ? $"{t.Name.Split('`')[0]}Of{string.Join("And", t.GetGenericArguments().Select(a => a.Name))}"
                : t.Name);
        });
        return services;
    }

    public static WebApplication UseOrderHubSwagger(this WebApplication app)
    {
        app.UseSwagger();
        app.UseSwaggerUI(o =>
        {
            o.SwaggerEndpoint("/swagger/v1/swagger.json", "OrderHub API v1");
            o.DocumentTitle = "OrderHub API";
        });
        return app;
    }
}
