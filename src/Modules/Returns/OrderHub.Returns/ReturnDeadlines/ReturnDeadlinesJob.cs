using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.BuildingBlocks.Scheduling;
using OrderHub.Returns.Contracts;
using OrderHub.Returns.Persistence;
using Quartz;

namespace OrderHub.Returns.ReturnDeadlines;

/// <summary>
/// Moves returns along the clock: reminds two days before an approved return expires, expires it when the
/// parcel has not arrived in time (releasing what approval set up), and flags received returns that wait too
/// long for inspection. Each return is handled in its own transaction, so one failure does not stop the rest.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class ReturnDeadlinesJob(IServiceScopeFactory scopes, ReturnsOptions options, TimeProvider clock, ILogger<ReturnDeadlinesJob> logger) : IRecurringJob
{
    public static JobKey Key { get; } = new("return-deadlines", "returns");
    private const string Actor = "system:return-deadlines";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await RunOnceAsync(cancellationToken);

    /// <summary>One round: every return whose deadline is due at the clock's current time.</summary>
    internal async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var remindBefore = now + options.ExpiryReminderLead;
        var inspectionCutoff = now - options.InspectionDue;
        List<Guid> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ReturnsDbContext>();
            due = await db.Returns.AsNoTracking()
                .Where(r => (r.Status == ReturnStatus.Approved && r.ShipBy != null && (r.ShipBy <= now || (r.ExpiryReminderAt == null && r.ShipBy <= remindBefore)))
                    || (r.Status == ReturnStatus.Received && r.InspectionOverdueSince == null && r.ReceivedAt <= inspectionCutoff))
                .OrderBy(r => r.SequenceNumber)
                .Select(r => r.Id)
                .Take(500)
                .ToListAsync(cancellationToken);
        }

        foreach (var id in due)
        {
            try
            {
                await ProcessAsync(id, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Deadline processing of return {ReturnId} failed; it is retried next round", id);
            }
        }
    }

    private async Task ProcessAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReturnsDbContext>();
        var workflow = scope.ServiceProvider.GetRequiredService<ReturnWorkflow>();
        var unitOfWork = scope.ServiceProvider.GetRequiredService<UnitOfWork>();
        await unitOfWork.ExecuteAsync(async ct =>
        {
            var rma = await db.Returns.ForChange().SingleAsync(r => r.Id == id, ct);
            var now = clock.GetUtcNow().UtcDateTime;
            // The return decides which deadline, if any, is due; the query above only narrows down whom to ask.
            if (rma.Expire(Actor, now))
            {
                await db.SaveChangesAsync(ct);
                await workflow.ReleaseApprovalAsync(rma, Actor, ct);
            }
            else if (!rma.RemindOfExpiry(options.ExpiryReminderLead, Actor, now))
            {
                rma.FlagInspectionOverdue(options.InspectionDue, Actor, now);
            }
        }, cancellationToken);
    }
}
