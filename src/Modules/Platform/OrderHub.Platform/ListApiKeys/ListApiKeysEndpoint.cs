using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OrderHub.BuildingBlocks.Web;
using OrderHub.Platform.Contracts;

namespace OrderHub.Platform.ListApiKeys;

internal static class ListApiKeysEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/", async Task<Ok<PagedResult<ApiKeySummary>>> (int? page, int? pageSize, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListApiKeysQuery(PageRequest.From(page, pageSize)), ct)))
            .WithName("ListApiKeys")
            .WithSummary("List API keys without their secrets");
}
