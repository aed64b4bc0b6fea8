using MediatR;
using OrderHub.Platform.ApiKeyAuthentication;
using OrderHub.Platform.Contracts;

namespace OrderHub.Platform.VerifyApiKey;

internal sealed class VerifyApiKeyQueryHandler(ApiKeyVerifier verifier) : IRequestHandler<VerifyApiKeyQuery, AuthenticatedApiKey?>
{
    public async Task<AuthenticatedApiKey?> Handle(VerifyApiKeyQuery query, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(query.Verifier))
        {
            return null;
        }

        var identity = await verifier.VerifyHashAsync(query.Verifier, cancellationToken);
        return identity?.ToAuthenticated(query.Verifier);
    }
}
