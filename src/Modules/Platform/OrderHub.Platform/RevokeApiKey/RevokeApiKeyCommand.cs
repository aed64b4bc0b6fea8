using OrderHub.BuildingBlocks.Application;

namespace OrderHub.Platform.RevokeApiKey;

internal sealed record RevokeApiKeyCommand(Guid Id) : ICommand<bool>;
