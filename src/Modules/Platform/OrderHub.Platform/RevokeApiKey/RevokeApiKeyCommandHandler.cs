using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.Platform.ApiKeyAuthentication;
using OrderHub.Platform.Persistence;

namespace OrderHub.Platform.RevokeApiKey;

internal sealed class RevokeApiKeyCommandHandler(PlatformDbContext db, UnitOfWork unitOfWork, TimeProvider clock, ApiKeyCache cache)
    : IRequestHandler<RevokeApiKeyCommand, bool>
{
    public async Task<bool> Handle(RevokeApiKeyCommand request, CancellationToken cancellationToken)
    {
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == request.Id, cancellationToken)
            ?? throw new NotFoundException("API key", request.Id);
        key.Revoke(clock.GetUtcNow().UtcDateTime);

        // Every node drops the key from its verification cache when the revocation commits.
        cache.InvalidateWhenEnded(unitOfWork, key.Hash);
        return true;
    }
}
