using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OrderHub.BuildingBlocks.Application;
using OrderHub.Returns.Labels;

namespace OrderHub.Returns.GetReturnLabel;

internal static class GetReturnLabelEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/{id:guid}/label", async Task<IResult> (Guid id, string? format, IMediator mediator, CancellationToken ct) =>
            {
                var kind = (format ?? "pdf").ToLowerInvariant();
                if (kind is not ("pdf" or "svg" or "zpl"))
                {
                    throw RequestValidationException.For("format", "format must be pdf (default), svg or zpl.");
                }

                var label = await mediator.Send(new GetReturnLabelQuery(id), ct);
                return kind switch
                {
                    "svg" => Results.Text(SvgLabelWriter.Write(label.RmaNumber), "image/svg+xml"),
                    "zpl" => Results.Text(ZplLabelWriter.Write(label), "application/x-zpl"),
                    _ => Results.File(PdfLabelWriter.Write(label), "application/pdf", $"{label.RmaNumber}.pdf"),
                };
            })
            .RequireAuthorization(ReturnsAuthorization.ReadPolicy)
            .WithName("GetReturnLabel")
            .WithSummary("The printable return label")
            .WithDescription("PDF (default): one page with the RMA number as a QR code and in text, the warehouse's return address, the customer and the items. "
                + "?format=svg gives the QR code alone for box-free drop-off on a phone; ?format=zpl a 4x6 in thermal-printer label. 409 before approval.")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .Produces(StatusCodes.Status200OK, contentType: "image/svg+xml")
            .Produces(StatusCodes.Status200OK, contentType: "application/x-zpl")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
