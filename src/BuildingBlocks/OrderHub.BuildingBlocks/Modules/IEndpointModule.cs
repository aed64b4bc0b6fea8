using Microsoft.AspNetCore.Routing;

namespace OrderHub.BuildingBlocks.Modules;

/// <summary>Routes of a module registered in DI rather than named in the host's module list.</summary>
public interface IEndpointModule
{
    void MapEndpoints(IEndpointRouteBuilder endpoints);
}
