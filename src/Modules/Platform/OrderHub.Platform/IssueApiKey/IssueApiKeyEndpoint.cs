using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OrderHub.Platform.Contracts;

namespace OrderHub.Platform.IssueApiKey;

internal static class IssueApiKeyEndpoint
{
    // No Idempotency-Key here: a replay would have to store the secret, and keys are only ever stored hashed.
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/", async Task<Created<IssuedApiKey>> (IssueApiKeyRequest request, IMediator mediator, CancellationToken ct) =>
            {
                var issued = await mediator.Send(new IssueApiKeyCommand(request.Name, request.Role, request.Storefront), ct);
                return TypedResults.Created($"/api/v1/api-keys/{issued.Id}", issued);
            })
            .WithName("IssueApiKey")
            .WithSummary("Issue an API key for a role")
            .WithDescription("The key is returned once, in this response; only its hash is stored.")
            .ProducesValidationProblem();
}
