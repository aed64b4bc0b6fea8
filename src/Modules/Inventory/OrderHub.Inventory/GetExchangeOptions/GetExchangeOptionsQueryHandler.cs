using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderHub.Inventory.Contracts;
using OrderHub.Inventory.Persistence;

namespace OrderHub.Inventory.GetExchangeOptions;

/// <summary>Variants of the SKU's product with available stock, by the stock figures <c>GET /inventory/{sku}</c> shows.</summary>
internal sealed class GetExchangeOptionsQueryHandler(InventoryDbContext db, IMediator mediator) : IRequestHandler<GetExchangeOptionsQuery, IReadOnlyList<ExchangeOption>>
{
    public async Task<IReadOnlyList<ExchangeOption>> Handle(GetExchangeOptionsQuery request, CancellationToken cancellationToken)
    {
        var returned = await db.Skus.AsNoTracking().SingleOrDefaultAsync(s => s.Id == request.Sku, cancellationToken);
        if (returned is null)
        {
            return [];
        }

        var stem = Stem(returned.Id);
        var variants = await db.Skus.AsNoTracking()
            .Where(s => s.Category == returned.Category && s.Id.StartsWith(stem))
            .OrderBy(s => s.Id)
            .Select(s => new { s.Id, s.Name })
            .ToListAsync(cancellationToken);
        var options = new List<ExchangeOption>();
        foreach (var variant in variants.Where(v => Stem(v.Id) == stem))
        {
            var stock = await mediator.Send(new GetStockQuery(variant.Id), cancellationToken);
            if (stock.Available > 0)
            {
                options.Add(new ExchangeOption(variant.Id, variant.Name, stock.Available));
            }
        }

        return options;
    }

    /// <summary>The product part of a SKU code: up to its last '-', or the whole code when it has none.</summary>
    private static string Stem(string sku) => sku.LastIndexOf('-') is var dash and > 0 ? sku[..dash] : sku;
}
