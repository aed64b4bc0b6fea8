using System.Diagnostics;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Persistence;

namespace OrderHub.BuildingBlocks.Application;

/// <summary>Outermost behaviour: one log line per request with its outcome and duration.</summary>
internal sealed class LoggingBehavior<TRequest, TResponse>(ILogger<LoggingBehavior<TRequest, TResponse>> logger)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await next();
            logger.LogDebug("{Request} handled in {ElapsedMs:0.0} ms", typeof(TRequest).Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return response;
        }
        catch (Exception exception)
        {
            logger.LogInformation("{Request} failed after {ElapsedMs:0.0} ms: {Error}", typeof(TRequest).Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds, exception.GetType().Name);
            throw;
        }
    }
}

/// <summary>Runs every FluentValidation validator of the request before anything touches the database.</summary>
internal sealed class ValidationBehavior<TRequest, TResponse>(IEnumerable<IValidator<TRequest>> validators)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var failures = new List<FluentValidation.Results.ValidationFailure>();
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(new ValidationContext<TRequest>(request), cancellationToken);
            failures.AddRange(result.Errors);
        }

        if (failures.Count > 0)
        {
            throw new RequestValidationException(failures
                .GroupBy(f => JsonFieldName(f.PropertyName))
                .ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).Distinct().ToArray()));
        }

        return await next();
    }

    /// <summary>Turns <c>Lines[0].UnitPrice</c> into the JSON path a client sent: <c>lines[0].unitPrice</c>.</summary>
    internal static string JsonFieldName(string propertyPath) =>
        string.Join('.', propertyPath.Split('.').Select(part => part.Length == 0 ? part : char.ToLowerInvariant(part[0]) + part[1..]));
}

/// <summary>Innermost behaviour: a command runs in the scope's unit of work and commits with its outbox rows.</summary>
internal sealed class UnitOfWorkBehavior<TRequest, TResponse>(UnitOfWork unitOfWork)
    : IPipelineBehavior<TRequest, TResponse>
{
    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next) =>
        request is ICommandMarker
            ? unitOfWork.ExecuteAsync(_ => next(), cancellationToken)
            : next();
}
