using OrderHub.BuildingBlocks.Application;
using OrderHub.Orders.Contracts;

namespace OrderHub.Orders.PlaceOrder;

internal sealed record PlaceOrderCommand(PlaceOrderRequest Request) : ICommand<OrderDto>;
