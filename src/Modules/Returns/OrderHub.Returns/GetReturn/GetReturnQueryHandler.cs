using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Returns.Contracts;
using OrderHub.Returns.Persistence;

namespace OrderHub.Returns.GetReturn;

internal sealed class GetReturnQueryHandler(ReturnsDbContext db, ReturnsAccess access) : IRequestHandler<GetReturnQuery, ReturnDto>
{
    public async Task<ReturnDto> Handle(GetReturnQuery request, CancellationToken cancellationToken)
    {
        var rma = await db.Returns.AsNoTracking().Include(r => r.Lines).SingleOrDefaultAsync(r => r.Id == request.Id, cancellationToken)
            ?? throw new NotFoundException("Return", request.Id);
        access.EnsureVisible("Return", request.Id, rma.OrderId, rma.Storefront, rma.CustomerEmail);
        return rma.ToDto();
    }
}
