using MediatR;
using OrderHub.Inventory.Contracts;

namespace OrderHub.Inventory.ExpectInboundReturn;

internal sealed class ExpectInboundReturnCommandHandler(StockSession session) : IRequestHandler<ExpectInboundReturnCommand, bool>
{
    public async Task<bool> Handle(ExpectInboundReturnCommand request, CancellationToken cancellationToken)
    {
        var wanted = StockRules.Totals(request.Lines);
        var stocks = await session.LockAsync(wanted.Keys, request.Actor, null, cancellationToken);
        foreach (var (sku, quantity) in wanted)
        {
            stocks[sku].ExpectReturn(request.Reference, quantity);
        }

        await session.CompleteAsync(stocks.Values, "ReturnExpected", request.Reference, cancellationToken);
        return true;
    }
}
