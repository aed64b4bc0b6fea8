using OrderHub.BuildingBlocks.Persistence;
using OrderHub.Returns.Contracts;

namespace OrderHub.Returns.Persistence;

/// <summary>Builds <see cref="ReturnsDbContext"/> for <c>dotnet ef</c> (build/ef.sh) and for the model tests, with no connection.</summary>
internal sealed class ReturnsDesignTimeFactory() : ModuleDesignTimeFactory<ReturnsDbContext>(ReturnsContracts.Schema);
