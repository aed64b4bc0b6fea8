using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Routing;
using OrderHub.BuildingBlocks.Application;
using OrderHub.Inventory.Domain;
using OrderHub.Inventory.Persistence;

namespace OrderHub.Inventory.Stock;

/// <summary>Goods in.</summary>
/// <param name="Sku">The SKU received.</param>
/// <param name="LocationCode">Where the units were put, e.g. a Receiving or Bulk location.</param>
/// <param name="Quantity">Units received, at least 1.</param>
/// <param name="Reference">Optional: purchase order, ASN or delivery note number.</param>
public sealed record ReceiveStockRequest(string? Sku, string? LocationCode, int? Quantity, string? Reference);

internal sealed record ReceiveStockCommand(string? Sku, string? LocationCode, int? Quantity, string? Reference, string Actor) : ICommand<StockChangeResponse>;

internal sealed class ReceiveStockCommandValidator : AbstractValidator<ReceiveStockCommand>
{
    public ReceiveStockCommandValidator()
    {
        RuleFor(x => x.Sku).MustBeCode();
        RuleFor(x => x.LocationCode).MustBeCode();
        RuleFor(x => x.Quantity).MustBeQuantity();
        RuleFor(x => x.Reference).MaximumLength(InventoryDbContext.ReferenceLength);
    }
}

internal sealed class ReceiveStockCommandHandler(StockSession session) : IRequestHandler<ReceiveStockCommand, StockChangeResponse>
{
    public async Task<StockChangeResponse> Handle(ReceiveStockCommand request, CancellationToken cancellationToken)
    {
        var stock = await session.LockAsync(request.Sku!, request.Actor, cancellationToken);
        var location = await session.LocationAsync(request.LocationCode!, cancellationToken);
        stock.Receive(location, request.Quantity!.Value, MovementType.Receipt, null, request.Reference);
        await session.CompleteAsync([stock], "Receipt", request.Reference, cancellationToken);
        return StockMapping.Response(stock);
    }
}

internal static class ReceiveStockEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapStockChange<ReceiveStockRequest>(
            "/receipts",
            "ReceiveStock",
            "Receive goods into a location",
            "Writes a Receipt movement. 404 for an unknown SKU or location; 400 for a missing or non-positive quantity.",
            (r, actor) => new ReceiveStockCommand(r.Sku, r.LocationCode, r.Quantity, r.Reference, actor));
}
