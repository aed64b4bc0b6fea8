using OrderHub.BuildingBlocks.Persistence;
using OrderHub.Inventory.Contracts;

namespace OrderHub.Inventory.Persistence;

/// <summary>Builds <see cref="InventoryDbContext"/> for <c>dotnet ef</c> (build/ef.sh) and for the model tests, with no connection.</summary>
internal sealed class InventoryDesignTimeFactory() : ModuleDesignTimeFactory<InventoryDbContext>(InventoryContracts.Schema);
