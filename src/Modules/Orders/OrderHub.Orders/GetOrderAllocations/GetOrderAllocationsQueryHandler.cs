using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.BuildingBlocks.Security;
using OrderHub.Orders.Contracts;
using OrderHub.Orders.Persistence;

namespace OrderHub.Orders.GetOrderAllocations;

internal sealed class GetOrderAllocationsQueryHandler(OrdersDbContext db, ICurrentActor actor) : IRequestHandler<GetOrderAllocationsQuery, OrderAllocationsDto>
{
    public async Task<OrderAllocationsDto> Handle(GetOrderAllocationsQuery request, CancellationToken cancellationToken)
    {
        var order = await db.Orders.AsNoTracking()
            .Include(o => o.Lines)
            .Include(o => o.Allocations)
            .AsSplitQuery()
            .Visible(actor)
            .SingleOrDefaultAsync(o => o.Id == request.OrderId, cancellationToken)
            ?? throw new NotFoundException("Order", request.OrderId);
        return order.ToAllocationsDto();
    }
}
