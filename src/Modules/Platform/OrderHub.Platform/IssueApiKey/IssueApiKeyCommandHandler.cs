using MediatR;
using OrderHub.Platform.Contracts;
using OrderHub.Platform.Domain;
using OrderHub.Platform.Persistence;

namespace OrderHub.Platform.IssueApiKey;

internal sealed class IssueApiKeyCommandHandler(PlatformDbContext db, TimeProvider clock) : IRequestHandler<IssueApiKeyCommand, IssuedApiKey>
{
    public Task<IssuedApiKey> Handle(IssueApiKeyCommand request, CancellationToken cancellationToken)
    {
        var (key, secret) = ApiKey.Issue(request.Name!.Trim(), request.Role!, request.Storefront?.Trim(), clock.GetUtcNow().UtcDateTime);
        db.ApiKeys.Add(key);
        return Task.FromResult(new IssuedApiKey(key.Id, key.Name, key.Role, key.Storefront, secret, key.Prefix, key.CreatedAt));
    }
}
