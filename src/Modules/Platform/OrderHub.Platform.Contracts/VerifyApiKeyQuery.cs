using OrderHub.BuildingBlocks.Application;

namespace OrderHub.Platform.Contracts;

/// <summary>
/// Asks again whether the key behind a <see cref="AuthenticatedApiKey.Verifier"/> is still valid; null once it has been
/// revoked. Answered from the same committed-state cache as the header check, so a session can ask on every request.
/// </summary>
public sealed record VerifyApiKeyQuery(string Verifier) : IQuery<AuthenticatedApiKey?>;
