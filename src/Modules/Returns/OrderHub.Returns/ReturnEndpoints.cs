using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using OrderHub.BuildingBlocks.Security;
using AuthPolicies = OrderHub.BuildingBlocks.Security.Policies;
using OrderHub.BuildingBlocks.Web;
using OrderHub.Returns.Access;
using OrderHub.Returns.Contracts;
using OrderHub.Returns.CreateReturn;
using OrderHub.Returns.InspectReturn;
using OrderHub.Returns.Portal;
using OrderHub.Returns.Queries;
using OrderHub.Returns.ReceiveReturn;
using OrderHub.Returns.ReturnableLines;
using OrderHub.Returns.ReturnPolicies;
using OrderHub.Returns.ReviewReturn;

namespace OrderHub.Returns;

internal static class ReturnEndpoints
{
    /// <summary>Any API key, or a customer's portal token for its own order.</summary>
    public const string ReadPolicy = "returns-read";

    /// <summary>Staff, a storefront for its own orders, or a customer's portal token.</summary>
    public const string CreatePolicy = "returns-create";

    public static void AddPolicies(AuthorizationOptions options)
    {
        // The portal scheme comes first so that a customer whose token is refused hears about the token, not
        // about an API key it never had; without a token it leaves the answer to the API-key scheme.
        string[] schemes = [PortalTokenAuthenticationHandler.SchemeName, ApiKeyDefaults.SchemeName];
        options.AddPolicy(ReadPolicy, p => p.AddAuthenticationSchemes(schemes).RequireRole([.. Roles.All, ReturnsAccess.CustomerRole]));
        options.AddPolicy(CreatePolicy, p => p.AddAuthenticationSchemes(schemes).RequireRole(Roles.Admin, Roles.Staff, Roles.Storefront, ReturnsAccess.CustomerRole));
    }

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var policy = endpoints.MapGroup("/api/v1/return-policy").WithTags("Returns").WithStandardProblems();
        policy.MapGet("/", async Task<Ok<ReturnPolicyDto>> (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new GetReturnPolicyQuery(), ct)))
            .RequireAuthorization(AuthPolicies.Read)
            .WithName("GetReturnPolicy")
            .WithSummary("The return policy in force (its version included)");
        policy.MapGet("/versions", async Task<Ok<OrderHub.BuildingBlocks.Web.PagedResult<ReturnPolicyDto>>> (
                [FromQuery] int? page, [FromQuery] int? pageSize, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListReturnPolicyVersionsQuery(PageRequest.From(page, pageSize)), ct)))
            .RequireAuthorization(AuthPolicies.Read)
            .WithName("ListReturnPolicyVersions")
            .WithSummary("Every version of the return policy ever in force, newest first")
            .WithDescription("Each with createdAt and createdBy (the key that stored it); version 1 is the built-in default. Versions never change once stored.")
            .ProducesValidationProblem();
        policy.MapGet("/versions/{version:int}", async Task<Ok<ReturnPolicyDto>> (int version, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetReturnPolicyVersionQuery(version), ct)))
            .RequireAuthorization(AuthPolicies.Read)
            .WithName("GetReturnPolicyVersion")
            .WithSummary("One version of the return policy, as it was stored")
            .ProducesProblem(StatusCodes.Status404NotFound);
        policy.MapPut("/", async Task<Ok<ReturnPolicyDto>> (UpdateReturnPolicyRequest body, IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new UpdateReturnPolicyCommand(body), ct)))
            .RequireAuthorization(AuthPolicies.Admin)
            .WithName("UpdateReturnPolicy")
            .WithSummary("Store a new version of the return policy")
            .WithDescription("Every PUT creates a new version and never changes an old one; returns already requested keep the version they were judged under "
                + "for every amount (estimate, fees, bonus, refund, store credit) and rule (days to ship). "
                + "A field left out keeps the value of the version in force, so a GET document can be changed and sent back. "
                + "An empty list or object clears it ([] for no non-returnable SKUs). null is \"none\" for autoApproveMaxOrderValue, keepItThreshold and "
                + "returnWarehouseCode, and 400 naming the field for any other. version, createdAt and createdBy are ignored. "
                + "A returnWarehouseCode that names no warehouse is 422 (code unknown-warehouse, with field and value) and stores nothing.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        endpoints.MapGet("/api/v1/orders/{id:guid}/returnable-lines", async Task<Ok<IReadOnlyList<ReturnableLineDto>>> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetReturnableLinesQuery(id), ct)))
            .RequireAuthorization(ReadPolicy)
            .WithTags("Returns")
            .WithStandardProblems()
            .WithName("GetReturnableLines")
            .WithSummary("What can still be returned from an order, until when, and why not")
            .WithDescription("Per line: returnable quantity (shipped minus what is on open or completed returns), deadline, and every reason in words a customer understands. Accepts X-Portal-Token.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        endpoints.MapPost("/api/v1/portal/sessions", async Task<Created<PortalSessionDto>> (PortalSessionRequest body, IMediator mediator, CancellationToken ct) =>
            {
                var session = await mediator.Send(new OpenPortalSessionCommand(body.OrderNumber, body.Email), ct);
                return TypedResults.Created($"/api/v1/orders/{session.OrderId}/returnable-lines", session);
            })
            .RequireAuthorization(AuthPolicies.StaffOrStorefront)
            .WithTags("Returns")
            .WithStandardProblems()
            .WithName("OpenPortalSession")
            .WithSummary("Open a customer self-service session from order number and email")
            .WithDescription("Answers 404 unless both match. The token (header X-Portal-Token) opens that order's returnable lines, new returns for it and its returns — nothing else.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        var returns = endpoints.MapGroup("/api/v1/returns").WithTags("Returns").WithStandardProblems();
        returns.MapPost("/", async Task<Created<ReturnDto>> (CreateReturnRequest body, IMediator mediator, HttpResponse response, CancellationToken ct) =>
            {
                var rma = await mediator.Send(new CreateReturnCommand(body), ct);
                ETags.Set(response, rma.Version);
                return TypedResults.Created($"/api/v1/returns/{rma.Id}", rma);
            })
            .RequireAuthorization(CreatePolicy)
            .WithIdempotency()
            .WithName("CreateReturn")
            .WithSummary("Request a return")
            .WithDescription("Judged by the current policy: 201 Requested (or Approved when auto-approved, Completed when every line is keep-it); 422 with the reasons per line when something is not returnable.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        returns.MapGet("/{id:guid}", async Task<Ok<ReturnDto>> (Guid id, IMediator mediator, HttpResponse response, CancellationToken ct) =>
                WithETag(response, await mediator.Send(new GetReturnQuery(id), ct)))
            .RequireAuthorization(ReadPolicy)
            .WithName("GetReturn")
            .WithSummary("Get a return")
            .ProducesProblem(StatusCodes.Status404NotFound);

        returns.MapGet("/", async Task<Ok<OrderHub.BuildingBlocks.Web.PagedResult<ReturnSummaryDto>>> (
                [FromQuery] ReturnStatus? status, [FromQuery] string? customerEmail, [FromQuery] string? rmaNumber, [FromQuery] Guid? orderId,
                [FromQuery] bool? inspectionOverdue, [FromQuery] int? page, [FromQuery] int? pageSize, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListReturnsQuery(status, customerEmail, rmaNumber, orderId, inspectionOverdue, PageRequest.From(page, pageSize)), ct)))
            .RequireAuthorization(ReadPolicy)
            .WithName("ListReturns")
            .WithSummary("List returns; inspectionOverdue=true is the inspection work queue")
            .ProducesValidationProblem();

        returns.MapGet("/{id:guid}/timeline", async Task<Ok<IReadOnlyList<ReturnTimelineEntryDto>>> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetReturnTimelineQuery(id), ct)))
            .RequireAuthorization(ReadPolicy)
            .WithName("GetReturnTimeline")
            .WithSummary("Every state change of the return with time and actor")
            .ProducesProblem(StatusCodes.Status404NotFound);

        returns.MapPost("/{id:guid}/approve", async Task<Ok<ReturnDto>> (Guid id, HttpRequest http, HttpResponse response, IMediator mediator, CancellationToken ct) =>
                WithETag(response, await mediator.Send(new ApproveReturnCommand(id, ETags.ExpectedVersion(http)), ct)))
            .RequireAuthorization(AuthPolicies.Staff)
            .WithName("ApproveReturn")
            .WithSummary("Approve a requested return")
            .WithDescription("Expects the parcel (inboundReturns), reserves an exchange replacement, completes keep-it returns. Accepts If-Match.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);

        returns.MapPost("/{id:guid}/reject", async Task<Ok<ReturnDto>> (Guid id, RejectReturnRequest body, HttpRequest http, HttpResponse response, IMediator mediator, CancellationToken ct) =>
                WithETag(response, await mediator.Send(new RejectReturnCommand(id, body.Reason, ETags.ExpectedVersion(http)), ct)))
            .RequireAuthorization(AuthPolicies.Staff)
            .WithName("RejectReturn")
            .WithSummary("Reject a requested return with a reason the customer will read")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        returns.MapPost("/{id:guid}/cancel", async Task<Ok<ReturnDto>> (Guid id, HttpRequest http, HttpResponse response, IMediator mediator, CancellationToken ct) =>
                WithETag(response, await mediator.Send(new CancelReturnCommand(id, ETags.ExpectedVersion(http)), ct)))
            .RequireAuthorization(CreatePolicy)
            .WithName("CancelReturn")
            .WithSummary("Withdraw a return before it is received")
            .WithDescription("Releases the expected parcel and any exchange reservation.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        returns.MapPost("/receipts", async Task<Created<ReturnDto>> (ReceiveReturnRequest body, IMediator mediator, HttpResponse response, CancellationToken ct) =>
            {
                var rma = await mediator.Send(new ReceiveReturnCommand(body.RmaNumber, body.WarehouseCode), ct);
                ETags.Set(response, rma.Version);
                return TypedResults.Created($"/api/v1/returns/{rma.Id}", rma);
            })
            .RequireAuthorization(AuthPolicies.Staff)
            .WithName("ReceiveReturn")
            .WithSummary("Dock scan of a return parcel by RMA number")
            .WithDescription("Status Received; the units land as non-sellable stock in the warehouse's Returns location and leave inboundReturns. A second scan of the same RMA is 409.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        returns.MapPost("/{id:guid}/inspection", async Task<Ok<ReturnDto>> (Guid id, InspectReturnRequest body, HttpRequest http, HttpResponse response, IMediator mediator, CancellationToken ct) =>
                WithETag(response, await mediator.Send(new InspectReturnCommand(id, body, ETags.ExpectedVersion(http)), ct)))
            .RequireAuthorization(AuthPolicies.Staff)
            .WithName("InspectReturn")
            .WithSummary("Grade each line; stock moves to where its disposition belongs")
            .WithDescription("Restocked units are available when this call returns. Records the refund, store credit or exchange order; status Completed.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        LabelEndpoint.Map(returns);
    }

    private static Ok<ReturnDto> WithETag(HttpResponse response, ReturnDto rma)
    {
        ETags.Set(response, rma.Version);
        return TypedResults.Ok(rma);
    }
}
