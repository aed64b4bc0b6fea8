using MediatR;
using OrderHub.Platform.ApiKeyAuthentication;
using OrderHub.Platform.Contracts;
using OrderHub.Platform.Domain;

namespace OrderHub.Platform.AuthenticateApiKey;

internal sealed class AuthenticateApiKeyQueryHandler(ApiKeyVerifier verifier) : IRequestHandler<AuthenticateApiKeyQuery, AuthenticatedApiKey?>
{
    public async Task<AuthenticatedApiKey?> Handle(AuthenticateApiKeyQuery query, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(query.Key))
        {
            return null;
        }

        var hash = ApiKey.HashOf(query.Key.Trim());
        var identity = await verifier.VerifyHashAsync(hash, cancellationToken);
        return identity?.ToAuthenticated(hash);
    }
}
