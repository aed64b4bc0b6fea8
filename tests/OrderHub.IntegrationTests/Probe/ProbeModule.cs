using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.BuildingBlocks.Application;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.BuildingBlocks.Messaging;
using OrderHub.BuildingBlocks.Modules;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.BuildingBlocks.Security;
using OrderHub.BuildingBlocks.Web;

namespace OrderHub.IntegrationTests.Probe;

// A minimal module that exercises the building blocks end to end (pipeline, outbox, inbox,
// idempotency, ETags) through real HTTP and a real database, independent of business modules.

public sealed class ProbeItem : AggregateRoot<Guid>
{
    private ProbeItem()
    {
    }

    public string Name { get; private set; } = string.Empty;

    public DateTime CreatedAt { get; private set; }

    public static ProbeItem Create(string name, DateTime now) => new() { Id = Guid.NewGuid(), Name = name, CreatedAt = now };

    public void Rename(string name)
    {
        Name = name;
        Touch();
    }
}

public sealed class ProbeReceipt
{
    public Guid MessageId { get; set; }

    public Guid ProbeId { get; set; }

    public DateTime ReceivedAt { get; set; }
}

public sealed record ProbeCreated(Guid Id, DateTime OccurredAt, Guid ProbeId, string Name) : IntegrationEvent(Id, OccurredAt);

public sealed class ProbeDbContext(DbContextOptions<ProbeDbContext> options)
    : ModuleDbContext(options)
{
    public override string SchemaName => ProbeModule.Schema;

    public DbSet<ProbeItem> Items => Set<ProbeItem>();

    public DbSet<ProbeReceipt> Receipts => Set<ProbeReceipt>();

    protected override void ConfigureModule(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ProbeItem>(b =>
        {
            b.ToTable("items");
            b.HasKey(x => x.Id);
            b.Property(x => x.Name).HasMaxLength(100);
            b.HasIndex(x => x.Name);
        });
        modelBuilder.Entity<ProbeReceipt>(b =>
        {
            b.ToTable("receipts");
            b.HasKey(x => x.MessageId);
        });
    }
}

[DbContext(typeof(ProbeDbContext))]
[Migration("20261122000900_CreateProbe")]
public sealed class CreateProbe : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var names = migrationBuilder.CreateModuleSchema(ProbeModule.Schema);
        migrationBuilder.CreateTable(
            name: names.Table("items"),
            schema: names.Schema,
            columns: t => new
            {
                id = t.Column<Guid>(nullable: false),
                name = t.Column<string>(maxLength: 100, nullable: false),
                created_at = t.Column<DateTime>(nullable: false),
                version = t.Column<int>(nullable: false),
            },
            constraints: t => t.PrimaryKey(names.PrimaryKey("items"), x => x.id));
        migrationBuilder.CreateIndex(names.Index("items", "name"), names.Table("items"), "name", names.Schema);
        migrationBuilder.CreateTable(
            name: names.Table("receipts"),
            schema: names.Schema,
            columns: t => new
            {
                message_id = t.Column<Guid>(nullable: false),
                probe_id = t.Column<Guid>(nullable: false),
                received_at = t.Column<DateTime>(nullable: false),
            },
            constraints: t => t.PrimaryKey(names.PrimaryKey("receipts"), x => x.message_id));
    }
}

public sealed record ProbeRequest(string? Name);

public sealed record ProbeDto(Guid Id, string Name, int Version);

internal sealed record CreateProbeCommand(string? Name) : ICommand<ProbeDto>;

internal sealed record RenameProbeCommand(Guid Id, string? Name, int? ExpectedVersion) : ICommand<ProbeDto>;

internal sealed class CreateProbeValidator : AbstractValidator<CreateProbeCommand>
{
    public CreateProbeValidator() => RuleFor(x => x.Name).NotEmpty().MaximumLength(100);
}

internal sealed class CreateProbeCommandHandler(ProbeDbContext db, ProbeGate gate, ProbeCrashes crashes, UnitOfWork unitOfWork, TimeProvider clock)
    : IRequestHandler<CreateProbeCommand, ProbeDto>
{
    public async Task<ProbeDto> Handle(CreateProbeCommand request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var item = ProbeItem.Create(request.Name!, now);
        db.Items.Add(item);
        db.Publish(new ProbeCreated(Guid.NewGuid(), now, item.Id, item.Name));
        if (request.Name!.StartsWith("explode", StringComparison.Ordinal))
        {
            // Written to the change tracker and the outbox, then the command fails: nothing may persist.
            await db.SaveChangesAsync(cancellationToken);
            throw new ConflictException("The probe exploded after saving.");
        }

        if (request.Name.StartsWith("held", StringComparison.Ordinal))
        {
            await gate.HoldAsync(request.Name, cancellationToken);
        }

        if (request.Name.StartsWith("crash-after-commit", StringComparison.Ordinal))
        {
            // The process "dies" once the change is committed, before it can answer.
            unitOfWork.OnCommitted(() => crashes.CrashOnce(request.Name));
        }

        return new ProbeDto(item.Id, item.Name, item.Version);
    }
}

internal sealed class RenameProbeCommandHandler(ProbeDbContext db) : IRequestHandler<RenameProbeCommand, ProbeDto>
{
    public async Task<ProbeDto> Handle(RenameProbeCommand request, CancellationToken cancellationToken)
    {
        var item = await db.Items.SingleOrDefaultAsync(x => x.Id == request.Id, cancellationToken)
            ?? throw new NotFoundException("Probe", request.Id);
        ETags.Check(request.ExpectedVersion, item.Version);
        item.Rename(request.Name ?? item.Name);
        await db.SaveChangesAsync(cancellationToken);
        return new ProbeDto(item.Id, item.Name, item.Version);
    }
}

/// <summary>
/// Holds a command named <c>held-…</c> inside its transaction until the test releases it, so a test can make
/// requests overlap for certain instead of hoping a delay is long enough.
/// </summary>
public sealed class ProbeGate
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (TaskCompletionSource Entered, TaskCompletionSource Released)> _gates = new();

    public Task EnteredAsync(string name) => Gate(name).Entered.Task;

    public void Release(string name) => Gate(name).Released.TrySetResult();

    internal async Task HoldAsync(string name, CancellationToken cancellationToken)
    {
        var gate = Gate(name);
        gate.Entered.TrySetResult();
        await gate.Released.Task.WaitAsync(cancellationToken);
    }

    private (TaskCompletionSource Entered, TaskCompletionSource Released) Gate(string name) =>
        _gates.GetOrAdd(name, _ => (new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)));
}

/// <summary>Fails a request once per probe name, the way a process dying at that point would leave it unanswered.</summary>
public sealed class ProbeCrashes
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _crashed = new();

    internal void CrashOnce(string name)
    {
        if (_crashed.TryAdd(name, true))
        {
            throw new InvalidOperationException($"Simulated crash of the request for probe {name}.");
        }
    }
}

/// <summary>How many times something happened per probe, counted across threads.</summary>
public abstract class ProbeCounts
{
    private readonly Dictionary<Guid, int> _counts = [];

    protected int CountFor(Guid probeId)
    {
        lock (_counts)
        {
            return _counts.GetValueOrDefault(probeId);
        }
    }

    protected int Increment(Guid probeId)
    {
        lock (_counts)
        {
            return _counts[probeId] = _counts.GetValueOrDefault(probeId) + 1;
        }
    }
}

/// <summary>Makes the probe consumer fail a set number of times for names like <c>fail-3-x</c>.</summary>
public sealed class ProbeConsumerFaults : ProbeCounts
{
    public int AttemptsFor(Guid probeId) => CountFor(probeId);

    internal int Attempt(Guid probeId) => Increment(probeId);
}

internal sealed class ProbeCreatedConsumer(ProbeDbContext db, ProbeConsumerFaults faults, TimeProvider clock, IServiceScopeFactory scopes) : IIntegrationEventHandler<ProbeCreated>
{
    public async Task HandleAsync(ProbeCreated integrationEvent, CancellationToken cancellationToken)
    {
        var attempt = faults.Attempt(integrationEvent.ProbeId);
        var parts = integrationEvent.Name.Split('-');
        if (parts is ["fail", var count, ..] && int.TryParse(count, out var failures) && attempt <= failures)
        {
            throw new InvalidOperationException($"Probe consumer failure {attempt} of {failures}.");
        }

        var receipt = new ProbeReceipt { MessageId = integrationEvent.Id, ProbeId = integrationEvent.ProbeId, ReceivedAt = clock.GetUtcNow().UtcDateTime };
        if (parts is ["race", var races, ..] && int.TryParse(races, out var lost))
        {
            // A consumer that writes a copy once, like an order copy: it finds the row or inserts it. On its first
            // attempts another transaction inserts the same row between the two, as a second delivery would.
            if (await db.Receipts.AsNoTracking().AnyAsync(r => r.MessageId == receipt.MessageId, cancellationToken))
            {
                return;
            }

            if (attempt <= lost)
            {
                await using var other = scopes.CreateAsyncScope();
                var otherDb = other.ServiceProvider.GetRequiredService<ProbeDbContext>();
                otherDb.Receipts.Add(new ProbeReceipt { MessageId = receipt.MessageId, ProbeId = receipt.ProbeId, ReceivedAt = receipt.ReceivedAt });
                await otherDb.SaveChangesAsync(cancellationToken);
            }
        }

        db.Receipts.Add(receipt);
    }
}

/// <summary>Watches probes being created without writing anything, like the stock stream does.</summary>
public sealed class ProbeObservations : ProbeCounts
{
    private readonly List<Guid> _order = [];

    public int TimesSeen(Guid probeId) => CountFor(probeId);

    /// <summary>Every probe seen, in the order it was first seen.</summary>
    public List<Guid> Order()
    {
        lock (_order)
        {
            return [.. _order];
        }
    }

    internal void Saw(Guid probeId)
    {
        if (Increment(probeId) == 1)
        {
            lock (_order)
            {
                _order.Add(probeId);
            }
        }
    }
}

/// <summary>Sees each probe; for names like <c>slow-delivery-x</c> it holds the delivery until the test releases the gate.</summary>
internal sealed class ProbeObserver(ProbeObservations observations, ProbeGate gate) : IIntegrationEventHandler<ProbeCreated>
{
    public async Task HandleAsync(ProbeCreated integrationEvent, CancellationToken cancellationToken)
    {
        if (integrationEvent.Name.StartsWith("slow-delivery", StringComparison.Ordinal))
        {
            await gate.HoldAsync(integrationEvent.Name, cancellationToken);
        }

        observations.Saw(integrationEvent.ProbeId);
    }
}

/// <summary>
/// For names like <c>touch-x</c>, only changes the probe it loads, in place, as a consumer updating a copy it already
/// holds does: its inbox row must still be written with that change.
/// </summary>
internal sealed class ProbeToucher(ProbeDbContext db) : IIntegrationEventHandler<ProbeCreated>
{
    public async Task HandleAsync(ProbeCreated integrationEvent, CancellationToken cancellationToken)
    {
        if (!integrationEvent.Name.StartsWith("touch", StringComparison.Ordinal))
        {
            return;
        }

        var item = await db.Items.SingleAsync(x => x.Id == integrationEvent.ProbeId, cancellationToken);
        item.Rename(item.Name + " (seen)");
    }
}

public sealed class ProbeModule : IEndpointModule
{
    public const string Schema = "probe";

    public static ModuleDescriptor Descriptor { get; } = new("Probe", Schema, typeof(ProbeDbContext), [typeof(ProbeModule).Assembly]);

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/test/probes").RequireAuthorization(Policies.StaffOrStorefront);
        group.MapPost("/", async Task<Created<ProbeDto>> (ProbeRequest request, IMediator mediator, ProbeCrashes crashes, CancellationToken ct) =>
        {
            var probe = await mediator.Send(new CreateProbeCommand(request.Name), ct);
            if (probe.Name.StartsWith("crash-after-command", StringComparison.Ordinal))
            {
                // Fails where the command's own commit used to have happened: after it, before the answer is kept.
                crashes.CrashOnce(probe.Name);
            }

            return TypedResults.Created($"/api/test/probes/{probe.Id}", probe);
        }).WithIdempotency();

        group.MapGet("/{id:guid}", async Task<Results<Ok<ProbeDto>, NotFound>> (Guid id, ProbeDbContext db, HttpResponse response, CancellationToken ct) =>
        {
            var item = await db.Items.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
            if (item is null)
            {
                throw new NotFoundException("Probe", id);
            }

            ETags.Set(response, item.Version);
            return TypedResults.Ok(new ProbeDto(item.Id, item.Name, item.Version));
        });

        group.MapPost("/{id:guid}/rename", async Task<Ok<ProbeDto>> (Guid id, ProbeRequest request, HttpRequest http, HttpResponse response, IMediator mediator, CancellationToken ct) =>
        {
            var probe = await mediator.Send(new RenameProbeCommand(id, request.Name, ETags.ExpectedVersion(http)), ct);
            ETags.Set(response, probe.Version);
            return TypedResults.Ok(probe);
        });
    }
}
