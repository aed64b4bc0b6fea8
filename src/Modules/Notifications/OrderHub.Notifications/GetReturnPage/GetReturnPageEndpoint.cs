using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Notifications.CustomerLinks;
using OrderHub.Returns.Contracts;

namespace OrderHub.Notifications.GetReturnPage;

/// <summary>
/// The page a customer email links to for a return. Until the hosted portal serves its status page here, it
/// answers with the return label PDF, exactly as <c>GET /api/v1/returns/{id}/label</c> does.
/// </summary>
internal static class GetReturnPageEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/{rmaNumber}", async Task<IResult> (string rmaNumber, HttpContext http, ReturnLinks links, IMediator mediator, CancellationToken ct) =>
            {
                // The token is checked before anything is looked up, so a refused link says nothing about whether the return exists.
                if (!await links.OpensAsync(rmaNumber, http.Request.Query[ReturnLinks.TokenParameter].ToString(), ct))
                {
                    throw new ForbiddenException("This link is not valid or has expired. Use the link in your latest email about this return, or ask customer service for a new one.");
                }

                var label = await mediator.Send(new GetReturnLabelDocumentQuery(rmaNumber), ct);
                // The token is in the URL: keep it out of caches and out of the Referer of anything the page links to.
                http.Response.Headers.CacheControl = "no-store";
                http.Response.Headers["Referrer-Policy"] = "no-referrer";
                http.Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("inline") { FileName = $"{label.RmaNumber}.pdf" }.ToString();
                return Results.File(label.Pdf, "application/pdf");
            })
            .AllowAnonymous()
            .WithTags("Customer pages")
            .WithName("GetReturnPage")
            .WithSummary("A return's customer page, opened from the link in the customer's emails")
            .WithDescription("Needs no key: the signed, expiring token `t` from the email opens it. Serves the return label PDF until the hosted portal serves the return's status here. "
                + "403 for a missing, altered, expired or another return's token (whether or not the return exists); 404 for an unknown return; 409 before approval.")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
