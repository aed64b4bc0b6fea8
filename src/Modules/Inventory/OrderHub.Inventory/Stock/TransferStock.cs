using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Routing;
using OrderHub.BuildingBlocks.Application;
using OrderHub.Inventory.Domain;

namespace OrderHub.Inventory.Stock;

/// <summary>A move of unreserved units between two locations.</summary>
/// <param name="Sku">The SKU.</param>
/// <param name="FromLocationCode">Where the units are now.</param>
/// <param name="ToLocationCode">Where they go; any warehouse.</param>
/// <param name="Quantity">Units moved, at least 1.</param>
public sealed record TransferStockRequest(string? Sku, string? FromLocationCode, string? ToLocationCode, int? Quantity);

internal sealed record TransferStockCommand(string? Sku, string? FromLocationCode, string? ToLocationCode, int? Quantity, string Actor) : ICommand<StockChangeResponse>;

internal sealed class TransferStockCommandValidator : AbstractValidator<TransferStockCommand>
{
    public TransferStockCommandValidator()
    {
        RuleFor(x => x.Sku).MustBeCode();
        RuleFor(x => x.FromLocationCode).MustBeCode();
        RuleFor(x => x.ToLocationCode).MustBeCode()
            .NotEqual(x => x.FromLocationCode).WithMessage("toLocationCode must differ from fromLocationCode.");
        RuleFor(x => x.Quantity).MustBeQuantity();
    }
}

internal sealed class TransferStockCommandHandler(StockSession session) : IRequestHandler<TransferStockCommand, StockChangeResponse>
{
    public async Task<StockChangeResponse> Handle(TransferStockCommand request, CancellationToken cancellationToken)
    {
        var stock = await session.LockAsync(request.Sku!, request.Actor, cancellationToken);
        var from = await session.LocationAsync(request.FromLocationCode!, cancellationToken);
        var to = await session.LocationAsync(request.ToLocationCode!, cancellationToken);
        stock.Move(from, to, request.Quantity!.Value, MovementType.TransferOut, MovementType.TransferIn, null, null);
        await session.CompleteAsync([stock], "Transfer", null, cancellationToken);
        return StockMapping.Response(stock);
    }
}

internal static class TransferStockEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapStockChange<TransferStockRequest>(
            "/transfers",
            "TransferStock",
            "Move units between locations",
            "Writes a TransferOut and a TransferIn movement. Reserved units stay put: 409 when the source has fewer unreserved units.",
            (r, actor) => new TransferStockCommand(r.Sku, r.FromLocationCode, r.ToLocationCode, r.Quantity, actor));
}
