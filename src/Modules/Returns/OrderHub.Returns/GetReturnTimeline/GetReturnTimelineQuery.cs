using OrderHub.BuildingBlocks.Application;
using OrderHub.Returns.Contracts;

namespace OrderHub.Returns.GetReturnTimeline;

internal sealed record GetReturnTimelineQuery(Guid Id) : IQuery<IReadOnlyList<ReturnTimelineEntryDto>>;
