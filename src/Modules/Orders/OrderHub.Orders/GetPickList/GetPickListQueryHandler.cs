using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Orders.Contracts;
using OrderHub.Orders.Persistence;

namespace OrderHub.Orders.GetPickList;

internal sealed class GetPickListQueryHandler(OrdersDbContext db) : IRequestHandler<GetPickListQuery, PickListDto>
{
    public async Task<PickListDto> Handle(GetPickListQuery request, CancellationToken cancellationToken) =>
        (await db.PickLists.AsNoTracking().Include(p => p.Lines).SingleOrDefaultAsync(p => p.Id == request.PickListId, cancellationToken)
            ?? throw new NotFoundException("Pick list", request.PickListId)).ToDto();
}
