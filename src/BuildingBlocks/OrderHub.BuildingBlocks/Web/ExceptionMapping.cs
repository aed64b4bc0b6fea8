using System.Text.Json;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Application;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.BuildingBlocks.Persistence;

namespace OrderHub.BuildingBlocks.Web;

/// <summary>
/// Turns every exception into problem details. Known failures map to their 4xx status; storage contention
/// becomes 503 with Retry-After; only a genuine defect is a 500, and it is logged with the request id.
/// </summary>
public sealed class ExceptionMapping(IProblemDetailsService problemDetails, ILogger<ExceptionMapping> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception is DbUpdateConcurrencyException && httpContext.Request.Headers.IfMatch.Count > 0
            ? Problem(412, "Precondition failed", "The resource was changed by another request since the ETag in If-Match; reload it and retry.")
            : ToProblem(exception);
        if (problem.Status >= 500)
        {
            if (problem.Status == StatusCodes.Status503ServiceUnavailable)
            {
                httpContext.Response.Headers.RetryAfter = "1";
                logger.LogWarning(exception, "Request refused: storage busy");
            }
            else
            {
                logger.LogError(exception, "Unhandled exception");
            }
        }

        httpContext.Response.StatusCode = problem.Status ?? 500;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    /// <summary>The problem a client sees for an exception; also used to record idempotent replies.</summary>
    public static ProblemDetails ToProblem(Exception exception)
    {
        switch (exception)
        {
            case RequestValidationException validation:
                return Validation(validation.Errors.ToDictionary(kv => kv.Key, kv => kv.Value));
            case ValidationException fluent:
                return Validation(fluent.Errors
                    .GroupBy(e => e.PropertyName)
                    .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray()));
            case BadHttpRequestException bad:
                return Problem(bad.StatusCode, bad.StatusCode == 400 ? "Malformed request" : "Bad request", Describe(bad));
            case JsonException json:
                return Problem(400, "Malformed request", json.Message);
            case NotFoundException notFound:
                return Problem(404, "Not found", notFound.Message);
            case ConflictException conflict:
                return WithExtensions(Problem(409, "Conflict", conflict.Message), conflict.Code, conflict.Extensions);
            case BusinessRuleException rule:
                return WithExtensions(Problem(422, "Request refused", rule.Message), rule.Code, rule.Extensions);
            case PreconditionFailedException precondition:
                return Problem(412, "Precondition failed", precondition.Message);
            case ForbiddenException forbidden:
                return Problem(403, "Forbidden", forbidden.Message);
            case DbUpdateConcurrencyException:
                return Problem(409, "Conflict", "The resource was changed by another request at the same time; reload it and try again.");
            case DbUpdateException db when DbErrors.IsUniqueViolation(db):
                return Problem(409, "Conflict", "A resource with the same unique value already exists.");
            case DatabaseBusyException busy:
                return Problem(503, "Service busy", busy.Message);
            case Exception transient when DbErrors.IsTransient(transient):
                return Problem(503, "Service busy", "The database is busy; retry the request.");
            case OperationCanceledException:
                return Problem(499, "Request cancelled", "The client closed the request.");
            default:
                return Problem(500, "Internal error", "An unexpected error occurred; it has been logged with the request id.");
        }
    }

    private static string Describe(BadHttpRequestException bad) =>
        bad.InnerException is JsonException json
            ? $"The request body is not valid JSON for this route: {json.Message}"
            : bad.Message;

    private static ProblemDetails Validation(Dictionary<string, string[]> errors) => new HttpValidationProblemDetails(errors)
    {
        Status = 400,
        Title = "Invalid request",
        Detail = "One or more fields are invalid; see errors.",
        Type = ProblemWriter.TypeFor(400),
    };

    private static ProblemDetails Problem(int status, string title, string detail) => new()
    {
        Status = status,
        Title = title,
        Detail = detail,
        Type = ProblemWriter.TypeFor(status),
    };

    private static ProblemDetails WithExtensions(ProblemDetails problem, string code, IReadOnlyDictionary<string, object?> extensions)
    {
        problem.Extensions["code"] = code;
        foreach (var (key, value) in extensions)
        {
            problem.Extensions[key] = value;
        }

        return problem;
    }
}
