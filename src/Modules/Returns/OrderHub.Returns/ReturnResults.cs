using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using OrderHub.BuildingBlocks.Web;
using OrderHub.Returns.Contracts;

namespace OrderHub.Returns;

internal static class ReturnResults
{
    /// <summary>200 with the return and its version as the ETag, for a later If-Match.</summary>
    public static Ok<ReturnDto> OkWithETag(HttpResponse response, ReturnDto rma)
    {
        ETags.Set(response, rma.Version);
        return TypedResults.Ok(rma);
    }
}
