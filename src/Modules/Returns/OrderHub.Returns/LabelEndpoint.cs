using Microsoft.AspNetCore.Routing;

namespace OrderHub.Returns;

internal static class LabelEndpoint
{
    public static void Map(RouteGroupBuilder returns) => _ = returns;
}
