namespace OrderHub.Platform.Contracts;

/// <summary>
/// A key that is known and not revoked, as <c>X-Api-Key</c> would authenticate it. <c>Verifier</c> stands for the
/// key without being it (the stored hash): a session keeps it to ask again later whether the key is still valid,
/// through <see cref="VerifyApiKeyQuery"/>, without holding the secret.
/// </summary>
public sealed record AuthenticatedApiKey(Guid Id, string Name, string Role, string? Storefront, string Verifier);
