using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Application;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.BuildingBlocks.Web;
using OrderHub.Warehouse.Contracts;
using OrderHub.Warehouse.Domain;
using OrderHub.Warehouse.Persistence;

namespace OrderHub.Warehouse.CreateWarehouse;

/// <summary>A new warehouse.</summary>
/// <param name="Code">Unique warehouse code, e.g. <c>AMS1</c>.</param>
/// <param name="Name">Display name.</param>
/// <param name="Address">Where the warehouse is; also the return-to address printed on return labels.</param>
public sealed record CreateWarehouseRequest(string? Code, string? Name, PostalAddress? Address);

/// <summary>A warehouse.</summary>
public sealed record WarehouseDto(string Code, string Name, PostalAddress Address, DateTime CreatedAt);

internal sealed record CreateWarehouseCommand(string? Code, string? Name, PostalAddress? Address) : ICommand<WarehouseDto>;

internal sealed class CreateWarehouseCommandValidator : AbstractValidator<CreateWarehouseCommand>
{
    public CreateWarehouseCommandValidator()
    {
        RuleFor(x => x.Code).MustBeCode();
        RuleFor(x => x.Name).NotEmpty().MaximumLength(200);
        RuleFor(x => x.Address).NotNull();
        When(x => x.Address is not null, () =>
        {
            RuleFor(x => x.Address!.Line1).NotEmpty().MaximumLength(200);
            RuleFor(x => x.Address!.Line2).MaximumLength(200);
            RuleFor(x => x.Address!.City).NotEmpty().MaximumLength(100);
            RuleFor(x => x.Address!.Region).MaximumLength(100);
            RuleFor(x => x.Address!.PostalCode).NotEmpty().MaximumLength(32);
            RuleFor(x => x.Address!.Country).NotEmpty().Matches("^[A-Za-z]{2}$")
                .WithMessage("address.country must be an ISO 3166-1 alpha-2 code such as NL.");
        });
    }
}

internal sealed class CreateWarehouseCommandHandler(WarehouseDbContext db, TimeProvider clock)
    : IRequestHandler<CreateWarehouseCommand, WarehouseDto>
{
    public async Task<WarehouseDto> Handle(CreateWarehouseCommand request, CancellationToken cancellationToken)
    {
        if (await db.Warehouses.AnyAsync(w => w.Code == request.Code, cancellationToken))
        {
            throw new ConflictException($"Warehouse '{request.Code}' already exists.", "duplicate-warehouse");
        }

        var warehouse = WarehouseSite.Create(request.Code!, request.Name!.Trim(), request.Address!, clock.GetUtcNow().UtcDateTime);
        db.Warehouses.Add(warehouse);
        return WarehouseMapping.ToDto(warehouse);
    }
}

internal static class WarehouseMapping
{
    public static WarehouseDto ToDto(WarehouseSite warehouse) => new(warehouse.Code, warehouse.Name, warehouse.Address, warehouse.CreatedAt);
}

internal static class CreateWarehouseEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/", async Task<Created<WarehouseDto>> (CreateWarehouseRequest request, IMediator mediator, CancellationToken ct) =>
            {
                var warehouse = await mediator.Send(new CreateWarehouseCommand(request.Code, request.Name, request.Address), ct);
                return TypedResults.Created($"/api/v1/warehouses/{warehouse.Code}", warehouse);
            })
            .RequireAuthorization(BuildingBlocks.Security.Policies.Staff)
            .WithIdempotency()
            .WithName("CreateWarehouse")
            .WithSummary("Create a warehouse with its address")
            .WithDescription("The address is the return-to address printed on return labels. 409 when the code is taken.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
}
