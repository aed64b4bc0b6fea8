using OrderHub.BuildingBlocks.Persistence;
using OrderHub.Warehouse.Contracts;

namespace OrderHub.Warehouse.Persistence;

/// <summary>Builds <see cref="WarehouseDbContext"/> for <c>dotnet ef</c> (build/ef.sh) and for the model tests, with no connection.</summary>
internal sealed class WarehouseDesignTimeFactory() : ModuleDesignTimeFactory<WarehouseDbContext>(WarehouseContracts.Schema);
