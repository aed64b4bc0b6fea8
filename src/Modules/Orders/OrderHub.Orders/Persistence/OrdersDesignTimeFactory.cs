using OrderHub.BuildingBlocks.Persistence;
using OrderHub.Orders.Contracts;

namespace OrderHub.Orders.Persistence;

/// <summary>Builds <see cref="OrdersDbContext"/> for <c>dotnet ef</c> (build/ef.sh) and for the model tests, with no connection.</summary>
internal sealed class OrdersDesignTimeFactory() : ModuleDesignTimeFactory<OrdersDbContext>(OrdersContracts.Schema);
