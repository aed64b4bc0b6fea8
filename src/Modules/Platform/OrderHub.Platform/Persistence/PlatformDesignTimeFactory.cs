using OrderHub.BuildingBlocks.Persistence;
using OrderHub.Platform.Contracts;

namespace OrderHub.Platform.Persistence;

/// <summary>Builds <see cref="PlatformDbContext"/> for <c>dotnet ef</c> (build/ef.sh) and for the model tests, with no connection.</summary>
internal sealed class PlatformDesignTimeFactory() : ModuleDesignTimeFactory<PlatformDbContext>(PlatformContracts.Schema);
