using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace OrderHub.BuildingBlocks.Web;

/// <summary>Shared endpoint metadata so every route documents the same error contract.</summary>
public static class EndpointConventions
{
    /// <summary>Honours <c>Idempotency-Key</c> on a creating POST.</summary>
    public static RouteHandlerBuilder WithIdempotency(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter(static (context, next) =>
                context.HttpContext.RequestServices.GetRequiredService<IIdempotencyFilter>().InvokeAsync(context, next))
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithMetadata(new IdempotentEndpointMetadata());

    /// <summary>Documents the problem responses every authenticated route can give.</summary>
    public static TBuilder WithStandardProblems<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.WithMetadata(
            new ProducesResponseTypeMetadata(StatusCodes.Status401Unauthorized, typeof(ProblemDetails), ["application/problem+json"]),
            new ProducesResponseTypeMetadata(StatusCodes.Status403Forbidden, typeof(ProblemDetails), ["application/problem+json"]),
            new ProducesResponseTypeMetadata(StatusCodes.Status429TooManyRequests, typeof(ProblemDetails), ["application/problem+json"]));
        return builder;
    }
}

/// <summary>Marks endpoints that accept Idempotency-Key, for the OpenAPI document.</summary>
public sealed class IdempotentEndpointMetadata;
