using OrderHub.BuildingBlocks.Application;

namespace OrderHub.Platform.Contracts;

/// <summary>
/// Checks a presented API key by the same rules as the <c>X-Api-Key</c> header (stored keys and the bootstrap admin
/// key); null when it is unknown or revoked. For sign-in forms that take a key instead of a header.
/// </summary>
public sealed record AuthenticateApiKeyQuery(string Key) : IQuery<AuthenticatedApiKey?>;
