using Microsoft.OpenApi;
using OrderHub.BuildingBlocks.Web;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace OrderHub.Api;

/// <summary>Documents the optional <c>Idempotency-Key</c> header on the routes that honour it.</summary>
internal sealed class IdempotencyHeaderFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (!context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<IdempotentEndpointMetadata>().Any())
        {
            return;
        }

        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = IdempotencyHeaders.Key,
            In = ParameterLocation.Header,
            Required = false,
            Description = "Makes the request safe to retry: the same key and body replay the first answer (Idempotent-Replayed: true); "
                + "the same key with another body is 422. Keys are kept 24 hours per API key.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 200 },
        });
    }
}
