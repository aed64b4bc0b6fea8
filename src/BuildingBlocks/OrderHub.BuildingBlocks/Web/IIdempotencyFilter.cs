using Microsoft.AspNetCore.Http;

namespace OrderHub.BuildingBlocks.Web;

/// <summary>
/// What <see cref="EndpointConventions.WithIdempotency"/> runs around a route: keeps the first answer per
/// <c>Idempotency-Key</c> in the request's own transaction and replays it (ADR 0015). Routes only opt in; the
/// records, and so the implementation, belong to the module that keeps them, registered by the host.
/// </summary>
public interface IIdempotencyFilter : IEndpointFilter;
