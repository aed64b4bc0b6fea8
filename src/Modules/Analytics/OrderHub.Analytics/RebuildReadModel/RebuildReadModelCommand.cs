using OrderHub.Analytics.Contracts;
using OrderHub.BuildingBlocks.Application;

namespace OrderHub.Analytics.RebuildReadModel;

internal sealed record RebuildReadModelCommand : ICommand<RebuildResultDto>;
