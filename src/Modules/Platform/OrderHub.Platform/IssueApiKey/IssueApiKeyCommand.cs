using OrderHub.BuildingBlocks.Application;
using OrderHub.Platform.Contracts;

namespace OrderHub.Platform.IssueApiKey;

internal sealed record IssueApiKeyCommand(string? Name, string? Role, string? Storefront) : ICommand<IssuedApiKey>;
