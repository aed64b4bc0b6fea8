using AutoMapper;
using OrderHub.Orders.Contracts;
using OrderHub.Orders.Domain;

namespace OrderHub.Orders;

/// <summary>Read-model projections used with <c>ProjectTo</c> on lists.</summary>
internal sealed class OrderReadModelProfile : Profile
{
    public OrderReadModelProfile()
    {
        CreateProjection<Order, OrderSummaryDto>()
            .ForCtorParam(nameof(OrderSummaryDto.CustomerEmail), o => o.MapFrom(s => s.Customer.Email));
        CreateProjection<OrderTimelineEntry, OrderTimelineEntryDto>();
    }
}
