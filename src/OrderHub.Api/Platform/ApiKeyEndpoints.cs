using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Application;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.BuildingBlocks.Platform;
using OrderHub.BuildingBlocks.Security;
using OrderHub.BuildingBlocks.Web;

namespace OrderHub.Api.Platform;

/// <summary>Request to issue an API key.</summary>
/// <param name="Name">Who or what uses the key, e.g. <c>shop-eu storefront</c>.</param>
/// <param name="Role"><c>admin</c>, <c>staff</c>, <c>storefront</c> or <c>partner</c>.</param>
/// <param name="Storefront">Storefront code; required for and only allowed with the <c>storefront</c> role.</param>
public sealed record IssueApiKeyRequest(string? Name, string? Role, string? Storefront);

/// <summary>A freshly issued key. <c>key</c> is shown only in this response.</summary>
public sealed record IssuedApiKey(Guid Id, string Name, string Role, string? Storefront, string Key, string Prefix, DateTime CreatedAt);

/// <summary>An API key as listed, without its secret.</summary>
public sealed record ApiKeySummary(Guid Id, string Name, string Role, string? Storefront, string Prefix, DateTime CreatedAt, DateTime? RevokedAt);

internal sealed record IssueApiKeyCommand(string? Name, string? Role, string? Storefront) : ICommand<IssuedApiKey>;

internal sealed record RevokeApiKeyCommand(Guid Id) : ICommand<bool>;

internal sealed record ListApiKeysQuery(PageRequest Page) : IQuery<PagedResult<ApiKeySummary>>;

internal sealed class IssueApiKeyCommandValidator : AbstractValidator<IssueApiKeyCommand>
{
    public IssueApiKeyCommandValidator()
    {
        RuleFor(x => x.Name).NotEmpty().MaximumLength(200);
        RuleFor(x => x.Role).NotEmpty().Must(r => Roles.All.Contains(r!))
            .WithMessage($"role must be one of: {string.Join(", ", Roles.All)}.");
        RuleFor(x => x.Storefront).NotEmpty().MaximumLength(64).When(x => x.Role == Roles.Storefront)
            .WithMessage("A storefront key needs the storefront code it is bound to.");
        RuleFor(x => x.Storefront).Empty().When(x => x.Role != Roles.Storefront)
            .WithMessage("Only storefront keys are bound to a storefront.");
    }
}

internal sealed class IssueApiKeyCommandHandler(PlatformDbContext db, TimeProvider clock) : IRequestHandler<IssueApiKeyCommand, IssuedApiKey>
{
    public Task<IssuedApiKey> Handle(IssueApiKeyCommand request, CancellationToken cancellationToken)
    {
        var (key, secret) = ApiKey.Issue(request.Name!.Trim(), request.Role!, request.Storefront?.Trim(), clock.GetUtcNow().UtcDateTime);
        db.ApiKeys.Add(key);
        return Task.FromResult(new IssuedApiKey(key.Id, key.Name, key.Role, key.Storefront, secret, key.Prefix, key.CreatedAt));
    }
}

internal sealed class RevokeApiKeyCommandHandler(PlatformDbContext db, UnitOfWork unitOfWork, TimeProvider clock, IServiceProvider services)
    : IRequestHandler<RevokeApiKeyCommand, bool>
{
    public async Task<bool> Handle(RevokeApiKeyCommand request, CancellationToken cancellationToken)
    {
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == request.Id, cancellationToken)
            ?? throw new NotFoundException("API key", request.Id);
        key.Revoke(clock.GetUtcNow().UtcDateTime);
        services.ForgetKeyWhenEnded(unitOfWork, key.Hash);
        return true;
    }
}

internal sealed class ListApiKeysQueryHandler(PlatformDbContext db) : IRequestHandler<ListApiKeysQuery, PagedResult<ApiKeySummary>>
{
    public async Task<PagedResult<ApiKeySummary>> Handle(ListApiKeysQuery request, CancellationToken cancellationToken)
    {
        var query = db.ApiKeys.AsNoTracking();
        var total = await query.CountAsync(cancellationToken);
        var items = await query
            .OrderBy(k => k.Name).ThenBy(k => k.Id)
            .Skip(request.Page.Skip).Take(request.Page.PageSize)
            .Select(k => new ApiKeySummary(k.Id, k.Name, k.Role, k.Storefront, k.Prefix, k.CreatedAt, k.RevokedAt))
            .ToListAsync(cancellationToken);
        return new PagedResult<ApiKeySummary>(items, request.Page.Page, request.Page.PageSize, total);
    }
}

internal static class ApiKeyEndpoints
{
    public static IEndpointRouteBuilder MapPlatformEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/api-keys")
            .WithTags("API keys")
            .RequireAuthorization(Policies.Admin)
            .WithStandardProblems();

        // No Idempotency-Key here: a replay would have to store the secret, and keys are only ever stored hashed.
        group.MapPost("/", async Task<Created<IssuedApiKey>> (IssueApiKeyRequest request, IMediator mediator, CancellationToken ct) =>
            {
                var issued = await mediator.Send(new IssueApiKeyCommand(request.Name, request.Role, request.Storefront), ct);
                return TypedResults.Created($"/api/v1/api-keys/{issued.Id}", issued);
            })
            .WithName("IssueApiKey")
            .WithSummary("Issue an API key for a role")
            .WithDescription("The key is returned once, in this response; only its hash is stored.")
            .ProducesValidationProblem();

        group.MapGet("/", async Task<Ok<PagedResult<ApiKeySummary>>> (int? page, int? pageSize, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListApiKeysQuery(PageRequest.From(page, pageSize)), ct)))
            .WithName("ListApiKeys")
            .WithSummary("List API keys without their secrets");

        group.MapDelete("/{id:guid}", async Task<NoContent> (Guid id, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new RevokeApiKeyCommand(id), ct);
                return TypedResults.NoContent();
            })
            .WithName("RevokeApiKey")
            .WithSummary("Revoke an API key; it stops working at once")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }
}
