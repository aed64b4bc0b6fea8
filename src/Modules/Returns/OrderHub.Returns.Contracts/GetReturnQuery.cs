using OrderHub.BuildingBlocks.Application;

namespace OrderHub.Returns.Contracts;

/// <summary>One return the caller may see (<c>GET /api/v1/returns/{id}</c>); unknown or invisible → not found.</summary>
public sealed record GetReturnQuery(Guid Id) : IQuery<ReturnDto>;
