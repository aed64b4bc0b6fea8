using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace OrderHub.BuildingBlocks.Security;

/// <summary>Who is making the current request, for authorization rules and audit trails.</summary>
public interface ICurrentActor
{
    /// <summary>A readable name for timelines, such as <c>key:warehouse-2 (staff)</c>.</summary>
    string Name { get; }

    string? Role { get; }

    /// <summary>The storefront a storefront key is bound to; null for every other role.</summary>
    string? Storefront { get; }

    bool IsInRole(string role);
}

internal sealed class HttpCurrentActor(IHttpContextAccessor accessor) : ICurrentActor
{
    private ClaimsPrincipal? User => accessor.HttpContext?.User;

    public string Name => User?.Identity?.IsAuthenticated == true
        ? $"key:{User.Identity.Name} ({Role})"
        : "system";

    public string? Role => User?.FindFirstValue(ClaimTypes.Role);

    public string? Storefront => User?.FindFirstValue(OrderHubClaims.Storefront);

    public bool IsInRole(string role) => User?.IsInRole(role) == true;
}
