using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Application;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.BuildingBlocks.Security;
using OrderHub.BuildingBlocks.Web;
using OrderHub.Warehouse.Contracts;
using OrderHub.Warehouse.Domain;
using OrderHub.Warehouse.Lookups;
using OrderHub.Warehouse.Persistence;

namespace OrderHub.Warehouse.AddLocation;

/// <summary>A new storage location in a warehouse.</summary>
/// <param name="Code">Location code, unique across all warehouses, e.g. <c>AMS1-A-01-03</c>.</param>
/// <param name="Type">One of <c>Pick, Bulk, Receiving, Returns, Quarantine, Damaged, Refurbish, ReturnToVendor</c>.</param>
/// <param name="Sku">Optional, Pick locations only: the SKU this location is the pick face of; restocked returns of that SKU go here.</param>
public sealed record AddLocationRequest(string? Code, string? Type, string? Sku);

/// <summary>A storage location.</summary>
public sealed record LocationDto(string Code, LocationType Type, string WarehouseCode, string? Sku, DateTime CreatedAt);

internal sealed record AddLocationCommand(string WarehouseCode, string? Code, string? Type, string? Sku) : ICommand<LocationDto>;

internal sealed class AddLocationCommandValidator : AbstractValidator<AddLocationCommand>
{
    public AddLocationCommandValidator()
    {
        RuleFor(x => x.Code).MustBeCode();
        RuleFor(x => x.Type).MustBeEnum<AddLocationCommand, LocationType>();
        RuleFor(x => x.Sku).MustBeCode().When(x => x.Sku is not null);
    }
}

internal sealed class AddLocationCommandHandler(WarehouseDbContext db, UnitOfWork unitOfWork, PutawayCandidatesCache putawayCandidates, TimeProvider clock)
    : IRequestHandler<AddLocationCommand, LocationDto>
{
    public async Task<LocationDto> Handle(AddLocationCommand request, CancellationToken cancellationToken)
    {
        var warehouse = await db.Warehouses.SingleOrDefaultAsync(w => w.Code == request.WarehouseCode, cancellationToken)
            ?? throw new NotFoundException("Warehouse", request.WarehouseCode);
        if (await db.Locations.AnyAsync(l => l.Code == request.Code, cancellationToken))
        {
            throw new ConflictException($"Location code '{request.Code}' is already used; location codes are unique across all warehouses.", "duplicate-location");
        }

        var type = Enum.Parse<LocationType>(request.Type!, ignoreCase: true);
        var location = Location.Create(warehouse, request.Code!, type, request.Sku, clock.GetUtcNow().UtcDateTime);
        db.Locations.Add(location);
        putawayCandidates.InvalidateWhenEnded(unitOfWork, warehouse.Code);
        return new LocationDto(location.Code, location.Type, warehouse.Code, location.Sku, location.CreatedAt);
    }
}

internal static class AddLocationEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/{code}/locations", async Task<Created<LocationDto>> (string code, AddLocationRequest request, IMediator mediator, CancellationToken ct) =>
            {
                var location = await mediator.Send(new AddLocationCommand(code, request.Code, request.Type, request.Sku), ct);
                return TypedResults.Created($"/api/v1/warehouses/{code}/locations", location);
            })
            .RequireAuthorization(Policies.Staff)
            .WithIdempotency()
            .WithName("AddLocation")
            .WithSummary("Add a typed storage location to a warehouse")
            .WithDescription("Only Pick and Bulk locations hold sellable stock. 404 for an unknown warehouse, 409 when the location code is taken anywhere.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
