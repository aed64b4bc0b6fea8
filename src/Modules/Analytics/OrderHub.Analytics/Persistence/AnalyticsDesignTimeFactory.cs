using OrderHub.BuildingBlocks.Persistence;
using OrderHub.Analytics.Contracts;

namespace OrderHub.Analytics.Persistence;

/// <summary>Builds <see cref="AnalyticsDbContext"/> for <c>dotnet ef</c> (build/ef.sh) and for the model tests, with no connection.</summary>
internal sealed class AnalyticsDesignTimeFactory() : ModuleDesignTimeFactory<AnalyticsDbContext>(AnalyticsContracts.Schema);
