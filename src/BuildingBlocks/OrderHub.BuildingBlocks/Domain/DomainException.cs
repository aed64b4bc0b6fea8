namespace OrderHub.BuildingBlocks.Domain;

/// <summary>An aggregate refused a change because it conflicts with its current state (HTTP 409).</summary>
public class ConflictException(string message, string? code = null, IReadOnlyDictionary<string, object?>? extensions = null)
    : Exception(message)
{
    public string Code { get; } = code ?? "conflict";

    public IReadOnlyDictionary<string, object?> Extensions { get; } = extensions ?? new Dictionary<string, object?>();
}

/// <summary>A business rule refused the request although it was well formed (HTTP 422).</summary>
public class BusinessRuleException(string message, string? code = null, IReadOnlyDictionary<string, object?>? extensions = null)
    : Exception(message)
{
    public string Code { get; } = code ?? "business-rule";

    public IReadOnlyDictionary<string, object?> Extensions { get; } = extensions ?? new Dictionary<string, object?>();
}

/// <summary>The addressed resource does not exist, or is not visible to the caller (HTTP 404).</summary>
public class NotFoundException(string resource, object key)
    : Exception($"{resource} '{key}' was not found.")
{
    public string Resource { get; } = resource;
}

/// <summary>The client's If-Match no longer matches the resource (HTTP 412).</summary>
public class PreconditionFailedException(string message) : Exception(message);

/// <summary>The caller is authenticated but may not perform this action (HTTP 403).</summary>
public class ForbiddenException(string message) : Exception(message);
