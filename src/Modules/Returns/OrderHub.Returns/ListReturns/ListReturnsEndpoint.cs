using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using OrderHub.BuildingBlocks.Web;
using OrderHub.Returns.Contracts;

namespace OrderHub.Returns.ListReturns;

internal static class ListReturnsEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/", async Task<Ok<PagedResult<ReturnSummaryDto>>> (
                [FromQuery] ReturnStatus? status, [FromQuery] string? customerEmail, [FromQuery] string? rmaNumber, [FromQuery] Guid? orderId,
                [FromQuery] bool? inspectionOverdue, [FromQuery] int? page, [FromQuery] int? pageSize, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListReturnsQuery(status, customerEmail, rmaNumber, orderId, inspectionOverdue, PageRequest.From(page, pageSize)), ct)))
            .RequireAuthorization(ReturnsAuthorization.ReadPolicy)
            .WithName("ListReturns")
            .WithSummary("List returns; inspectionOverdue=true is the inspection work queue")
            .ProducesValidationProblem();
}
