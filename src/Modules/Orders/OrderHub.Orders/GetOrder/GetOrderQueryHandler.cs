using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.BuildingBlocks.Security;
using OrderHub.Orders.Contracts;
using OrderHub.Orders.Persistence;

namespace OrderHub.Orders.GetOrder;

internal sealed class GetOrderQueryHandler(OrdersDbContext db, ICurrentActor actor) : IRequestHandler<GetOrderQuery, OrderDto>
{
    public async Task<OrderDto> Handle(GetOrderQuery request, CancellationToken cancellationToken)
    {
        var query = db.Orders.AsNoTracking()
            .Include(o => o.Lines)
            .Include(o => o.Shipments).ThenInclude(s => s.Lines)
            .AsSplitQuery()
            .Visible(actor);
        var order = request.Id is { } id
            ? await query.SingleOrDefaultAsync(o => o.Id == id, cancellationToken)
            : await query.SingleOrDefaultAsync(o => o.Number == request.Number, cancellationToken);
        return order?.ToDto() ?? throw new NotFoundException("Order", (object?)request.Id ?? request.Number!);
    }
}
