using System.Text.Json;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderHub.BuildingBlocks.Application;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.BuildingBlocks.Persistence;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace OrderHub.BuildingBlocks.Web;

/// <summary>
/// Turns every exception into problem details. Known failures map to their 4xx status; storage contention
/// becomes 503 with Retry-After; only a genuine defect is a 500, and it is logged with the request id.
/// </summary>
public sealed class ExceptionMapping(IProblemDetailsService problemDetails, ILogger<ExceptionMapping> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            DbUpdateConcurrencyException when httpContext.Request.Headers.IfMatch.Count > 0 =>
                Problem(412, "Precondition failed", "The resource was changed by another request since the ETag in If-Match; reload it and retry."),
            // The handler runs with the endpoint cleared; the feature keeps the one that failed.
            BadHttpRequestException bad => InputProblems.For(bad, httpContext.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? httpContext.GetEndpoint(),
                httpContext.RequestServices.GetService<IOptions<HttpJsonOptions>>()?.Value.SerializerOptions),
            _ => ToProblem(exception),
        };
        if (problem.Status >= 500)
        {
            if (problem.Status == StatusCodes.Status503ServiceUnavailable)
            {
                httpContext.Response.Headers.RetryAfter = "1";
                if (DbErrors.IsConnectionLost(exception))
                {
                    httpContext.RequestServices.GetService<DatabaseConnectionFactory>()?.ClearPool();
                }

                // Expected while the database restarts or is under contention: one line, no stack trace.
                logger.LogWarning("Request refused with 503, the database is unavailable or busy: {Error}: {Reason}",
                    exception.GetType().Name, Innermost(exception).Message);
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
                return InputProblems.For(bad);
            case JsonException json:
                return InputProblems.For(json, null, null);
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
            case DbUpdateException db when DbErrors.IsUnstorableText(db):
                return Problem(400, "Invalid request", "A text value contains a character that cannot be stored, such as NUL (U+0000).");
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

    private static Exception Innermost(Exception exception)
    {
        var current = exception;
        while (current.InnerException is not null)
        {
            current = current.InnerException;
        }

        return current;
    }

    private static ProblemDetails Validation(Dictionary<string, string[]> errors) => new HttpValidationProblemDetails(errors)
    {
        Status = 400,
        Title = "Invalid request",
        Detail = errors.Count == 1 && errors.First().Value is [var only]
            ? only
            : $"One or more fields are invalid ({string.Join(", ", errors.Keys)}); see errors.",
        Type = ProblemWriter.TypeFor(400),
    };

    private static ProblemDetails Problem(int status, string title, string detail) => ProblemWriter.Create(status, title, detail);

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
