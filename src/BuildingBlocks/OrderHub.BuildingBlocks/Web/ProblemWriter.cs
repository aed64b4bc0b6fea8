using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace OrderHub.BuildingBlocks.Web;

/// <summary>Writes RFC 9457 problem details through the host's problem-details service.</summary>
public sealed class ProblemWriter(IProblemDetailsService service)
{
    public const string TypeBase = "https://orderhub.dev/problems/";

    public async Task WriteAsync(HttpContext context, int status, string title, string detail, IDictionary<string, object?>? extensions = null)
    {
        context.Response.StatusCode = status;
        var problem = new ProblemDetails
        {
            Status = status,
            Title = title,
            Detail = detail,
            Type = TypeFor(status),
        };
        if (extensions is not null)
        {
            foreach (var (key, value) in extensions)
            {
                problem.Extensions[key] = value;
            }
        }

        await service.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }

    /// <summary>A problem with the house type for its status.</summary>
    public static ProblemDetails Create(int status, string title, string detail) => new()
    {
        Status = status,
        Title = title,
        Detail = detail,
        Type = TypeFor(status),
    };

    public static string TypeFor(int status) => status switch
    {
        400 => TypeBase + "validation",
        401 => TypeBase + "unauthorized",
        403 => TypeBase + "forbidden",
        404 => TypeBase + "not-found",
        405 => TypeBase + "method-not-allowed",
        409 => TypeBase + "conflict",
        412 => TypeBase + "precondition-failed",
        413 => TypeBase + "payload-too-large",
        415 => TypeBase + "unsupported-media-type",
        422 => TypeBase + "business-rule",
        428 => TypeBase + "precondition-required",
        429 => TypeBase + "rate-limited",
        503 => TypeBase + "unavailable",
        _ => TypeBase + "error",
    };
}
