namespace OrderHub.BuildingBlocks.Web;

/// <summary>
/// The list contract: <c>?page=1&amp;pageSize=50</c>, at most 200 per page. Any page after the last, however
/// large its number, is an empty page with <c>totalCount</c> still telling how many items there are.
/// </summary>
public sealed record PageRequest(int Page = 1, int PageSize = PageRequest.DefaultPageSize)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    /// <summary>
    /// Rows before this page. A page past what an int offset can reach is simply past the end, so it is capped
    /// there and the list answers an empty page, as it does for any page after the last.
    /// </summary>
    public int Skip => (int)Math.Min((long)(Page - 1) * PageSize, int.MaxValue);

    /// <summary>Validates query values, answering 400 with per-field errors when they are out of range.</summary>
    public static PageRequest From(int? page, int? pageSize)
    {
        var errors = new Dictionary<string, string[]>();
        if (page is < 1)
        {
            errors["page"] = ["page must be 1 or more."];
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            errors["pageSize"] = [$"pageSize must be between 1 and {MaxPageSize}."];
        }

        if (errors.Count > 0)
        {
            throw new Application.RequestValidationException(errors);
        }

        return new PageRequest(page ?? 1, pageSize ?? DefaultPageSize);
    }
}

/// <summary>One page of a list: <c>{ items, page, pageSize, totalCount }</c>.</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount);
