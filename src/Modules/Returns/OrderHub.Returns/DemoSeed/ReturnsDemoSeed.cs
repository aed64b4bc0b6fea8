using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.BuildingBlocks.Demo;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Returns.CancelReturn;
using OrderHub.Returns.Contracts;
using OrderHub.Returns.CreateReturn;
using OrderHub.Returns.GetReturnableLines;
using OrderHub.Returns.OrderCopies;
using OrderHub.Returns.Persistence;
using OrderHub.Returns.ReturnDeadlines;
using OrderHub.Returns.UpdateReturnPolicy;
using OrderHub.Warehouse.Contracts;

namespace OrderHub.Returns.DemoSeed;

/// <summary>
/// The demo shop's returns: a policy (and a later version of it) sending parcels to the main warehouse, then
/// returns of about a quarter of the delivered orders, each taken as far as its age makes believable: the newest
/// still waiting for review or for the parcel, some received and waiting for inspection, the older ones graded
/// and refunded, credited, exchanged or kept, a few rejected, cancelled or expired. The deadlines job runs every
/// morning of the period, as it would have. Ends by naming an order with returnable lines for the portal.
/// </summary>
internal sealed class ReturnsDemoSeed : IDemoSeedContributor
{
    private const decimal AutoApproveMaxOrderValue = 60m;
    private const decimal KeepItThreshold = 8m;

    public int Order => 40;

    public async Task<bool> HasDataAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<ReturnsDbContext>();
        return await db.Returns.AnyAsync(cancellationToken) || await db.Policies.AnyAsync(cancellationToken);
    }

    public async Task SeedAsync(DemoSeedContext context, CancellationToken cancellationToken)
    {
        var random = context.Random;
        var returnWarehouse = context.Get<IReadOnlyList<LocationInfo>>("warehouse.locations")
            .First(l => l.Type == LocationType.Returns).WarehouseCode;
        await StorePoliciesAsync(context, returnWarehouse, cancellationToken);

        var orders = await context.InScopeAsync(sp => sp.GetRequiredService<ReturnsDbContext>().Orders.AsNoTracking()
            .Include(o => o.Lines)
            .Where(o => o.DeliveredAt != null && !o.Cancelled)
            .ToListAsync(cancellationToken));
        orders = orders.OrderBy(o => o.DeliveredAt).ThenBy(o => o.Number, StringComparer.Ordinal).ToList();
        var catalogue = orders.SelectMany(o => o.Lines).Select(l => l.Sku).Distinct().Order(StringComparer.Ordinal).ToList();

        var steps = new PriorityQueue<Func<Task>, DateTime>();
        var keptOne = false;
        foreach (var order in orders)
        {
            var returnable = order.Lines.Where(l => !l.Sku.StartsWith("GIFT-", StringComparison.Ordinal)).ToList();
            if (returnable.Count == 0 || random.Next(0, 100) >= 28)
            {
                continue;
            }

            var requestedAt = order.DeliveredAt!.Value.AddHours(random.Next(18, 9 * 24));
            if (requestedAt >= context.Today.AddHours(-1))
            {
                continue;
            }

            var cheap = returnable.FirstOrDefault(l => l.UnitPrice < KeepItThreshold);
            var lines = !keptOne && cheap is not null
                ? [cheap]
                : returnable.Where((_, i) => i == 0 || random.Next(0, 3) == 0).ToList();
            keptOne |= lines.All(l => l.UnitPrice < KeepItThreshold);
            var plan = PlanFor(random, order, lines, catalogue, context.Today - requestedAt);
            steps.Enqueue(() => RequestAsync(context, steps, plan, requestedAt, cancellationToken), requestedAt);
        }

        // The deadlines job's morning rounds over the whole period: reminders, expiries and overdue inspections
        // happen on the days they would have.
        for (var day = context.Today.Date.AddDays(-90).AddHours(6); day < context.Today; day = day.AddDays(1))
        {
            steps.Enqueue(() => RunDeadlinesAsync(context, cancellationToken), day);
        }

        while (steps.TryDequeue(out var step, out var at))
        {
            context.At(at);
            await step();
        }

        context.At(context.Today);
        await context.DeliverEventsAsync(cancellationToken);
        await AnnouncePortalOrderAsync(context, orders, cancellationToken);
    }

    private static async Task StorePoliciesAsync(DemoSeedContext context, string returnWarehouse, CancellationToken cancellationToken)
    {
        context.At(context.Today.Date.AddDays(-98).AddHours(10));
        await context.SendAsync(new UpdateReturnPolicyCommand(new UpdateReturnPolicyRequest
        {
            WindowDays = 30,
            SegmentExtensionDays = new Dictionary<string, int> { ["loyal"] = 30 },
            NonReturnableCategories = ["gift-cards"],
            RestockingFeePercent = 0m,
            ReturnShippingFee = 3.95m,
            AllowedResolutions = [ReturnResolution.Refund, ReturnResolution.StoreCredit, ReturnResolution.Exchange],
            AutoApproveMaxOrderValue = AutoApproveMaxOrderValue,
            KeepItThreshold = KeepItThreshold,
            StoreCreditBonusPercent = 10m,
            DaysToShip = 14,
            ReturnWarehouseCode = returnWarehouse,
        }), cancellationToken);

        // Half way through, home goods get a shorter window: the history then shows two versions.
        context.At(context.Today.Date.AddDays(-45).AddHours(9));
        await context.SendAsync(new UpdateReturnPolicyCommand(new UpdateReturnPolicyRequest
        {
            CategoryWindowDays = new Dictionary<string, int> { ["home"] = 14 },
        }), cancellationToken);
    }

    private static ReturnPlan PlanFor(Random random, OrderCopy order, IReadOnlyList<OrderCopyLine> lines, IReadOnlyList<string> catalogue, TimeSpan age)
    {
        var sized = lines.All(l => Variants(l.Sku, catalogue).Count > 0);
        var reasons = lines.Select(l => ReasonFor(random, l.Sku, Variants(l.Sku, catalogue).Count > 0)).ToList();
        var sizeProblem = reasons.All(r => r is ReturnReason.TooSmall or ReturnReason.TooLarge);
        var resolution = sized && sizeProblem && lines.Count == 1 && random.Next(0, 2) == 0
            ? ReturnResolution.Exchange
            : random.Next(0, 100) < 70 ? ReturnResolution.Refund : ReturnResolution.StoreCredit;
        var exchangeSku = resolution == ReturnResolution.Exchange ? NextSize(lines[0].Sku, reasons[0], catalogue) : null;
        var needsReview = order.Value > AutoApproveMaxOrderValue;
        var target = age.TotalDays switch
        {
            < 3 => needsReview ? ReturnStatus.Requested : ReturnStatus.Approved,
            < 5 => ReturnStatus.Approved,
            < 12 => ReturnStatus.Received,
            _ => random.Next(0, 100) switch
            {
                < 8 => needsReview ? ReturnStatus.Rejected : ReturnStatus.Cancelled,
                < 16 => ReturnStatus.Cancelled,
                < 28 when age.TotalDays > 17 => ReturnStatus.Expired,
                _ => ReturnStatus.Completed,
            },
        };
        return new ReturnPlan(order.Id, lines, reasons, resolution, exchangeSku, target,
            random.Next(2, 30), random.Next(40, 110), random.Next(4, 40), random.Next(0, 100));
    }

    private async Task RequestAsync(DemoSeedContext context, PriorityQueue<Func<Task>, DateTime> steps, ReturnPlan plan, DateTime requestedAt, CancellationToken cancellationToken)
    {
        var request = new CreateReturnRequest(
            plan.OrderId,
            plan.Lines.Select((l, i) => new ReturnLineRequest(l.OrderLineId, l.Quantity, plan.Reasons[i], CommentFor(plan.Reasons[i], plan.Roll))).ToList(),
            plan.ExchangeSku is null ? plan.Resolution : ReturnResolution.Exchange,
            plan.ExchangeSku);
        ReturnDto rma;
        try
        {
            rma = await context.SendAsync(new CreateReturnCommand(request), cancellationToken);
        }
        catch (ConflictException) when (plan.ExchangeSku is not null)
        {
            // The other size ran out: the customer takes a refund instead.
            rma = await context.SendAsync(new CreateReturnCommand(request with { Resolution = ReturnResolution.Refund, ExchangeSku = null }), cancellationToken);
        }
        catch (BusinessRuleException)
        {
            // Past the window after all (home goods' shorter one): the customer never got to ask.
            return;
        }

        if (plan.Target == ReturnStatus.Requested || rma.Status == ReturnStatus.Completed)
        {
            return;
        }

        var decidedAt = requestedAt.AddHours(plan.HoursToDecide);
        if (plan.Target == ReturnStatus.Rejected && rma.Status == ReturnStatus.Requested)
        {
            steps.Enqueue(() => context.SendAsync(new RejectReturnCommand(rma.Id, "Worn and washed: the item cannot be resold, and the fault was not reported within the window.", null), cancellationToken), decidedAt);
            return;
        }

        if (rma.Status == ReturnStatus.Requested)
        {
            steps.Enqueue(async () =>
            {
                ReturnDto approved;
                try
                {
                    approved = await context.SendAsync(new ApproveReturnCommand(rma.Id, null), cancellationToken);
                }
                catch (ConflictException)
                {
                    // The replacement size sold out meanwhile: the return waits for staff to sort it out.
                    return;
                }

                if (approved.Status == ReturnStatus.Approved)
                {
                    Continue(context, steps, plan, approved, decidedAt, cancellationToken);
                }
            }, decidedAt);
            return;
        }

        Continue(context, steps, plan, rma, requestedAt, cancellationToken);
    }

    private static void Continue(DemoSeedContext context, PriorityQueue<Func<Task>, DateTime> steps, ReturnPlan plan, ReturnDto rma, DateTime approvedAt, CancellationToken cancellationToken)
    {
        switch (plan.Target)
        {
            case ReturnStatus.Cancelled or ReturnStatus.Rejected:
                steps.Enqueue(() => context.SendAsync(new CancelReturnCommand(rma.Id, null), cancellationToken), approvedAt.AddHours(plan.HoursToDecide / 2));
                return;
            case ReturnStatus.Received or ReturnStatus.Completed:
                var receivedAt = approvedAt.AddHours(plan.HoursInTransit);
                if (receivedAt >= context.Today)
                {
                    return;
                }

                steps.Enqueue(async () =>
                {
                    await context.SendAsync(new ReceiveReturnCommand(rma.RmaNumber, null), cancellationToken);
                    var inspectedAt = receivedAt.AddHours(plan.HoursToInspect);
                    if (plan.Target == ReturnStatus.Completed && inspectedAt < context.Today)
                    {
                        steps.Enqueue(() => context.SendAsync(new InspectReturnCommand(rma.Id, new InspectReturnRequest(
                            rma.Lines.Where(l => !l.KeepIt).Select(l => Grade(l, plan.Roll)).ToList()), null), cancellationToken), inspectedAt);
                    }
                }, receivedAt);
                return;
            default:
                // Approved stays approved until the parcel arrives; Expired is the deadlines job's to decide.
                return;
        }
    }

    private static InspectionLineRequest Grade(ReturnLineDto line, int roll) => line.ReasonCode switch
    {
        ReturnReason.Defective => new(line.Id, ItemCondition.Defective, roll % 2 == 0 ? Disposition.ReturnToVendor : Disposition.Refurbish),
        ReturnReason.Damaged => new(line.Id, ItemCondition.Damaged, roll % 3 == 0 ? Disposition.Refurbish : Disposition.Dispose),
        ReturnReason.NotAsDescribed when roll % 4 == 0 => new(line.Id, ItemCondition.MissingParts, Disposition.Refurbish),
        _ => new(line.Id, roll % 5 == 0 ? ItemCondition.LikeNew : ItemCondition.New, Disposition.Restock),
    };

    private static async Task RunDeadlinesAsync(DemoSeedContext context, CancellationToken cancellationToken) =>
        await context.InScopeAsync(async sp =>
        {
            await ActivatorUtilities.CreateInstance<ReturnDeadlinesJob>(sp).RunOnceAsync(cancellationToken);
            return true;
        });

    private static async Task AnnouncePortalOrderAsync(DemoSeedContext context, IReadOnlyList<OrderCopy> orders, CancellationToken cancellationToken)
    {
        var returned = await context.InScopeAsync(sp => sp.GetRequiredService<ReturnsDbContext>().Returns.AsNoTracking()
            .Select(r => r.OrderId).Distinct().ToListAsync(cancellationToken));
        foreach (var order in orders.Where(o => !returned.Contains(o.Id)).OrderByDescending(o => o.DeliveredAt))
        {
            var lines = await context.SendAsync(new GetReturnableLinesQuery(order.Id), cancellationToken);
            if (lines.Any(l => l.Eligible && l.ReturnableQuantity > 0))
            {
                context.AddToSummary("Try the returns portal with order", $"{order.Number} and email {order.CustomerEmail}");
                return;
            }
        }
    }

    private static ReturnReason ReasonFor(Random random, string sku, bool sized)
    {
        var roll = random.Next(0, 100);
        if (sized)
        {
            return roll switch { < 38 => ReturnReason.TooSmall, < 66 => ReturnReason.TooLarge, < 76 => ReturnReason.NotAsDescribed, < 84 => ReturnReason.Defective, < 92 => ReturnReason.ChangedMind, _ => ReturnReason.ArrivedLate };
        }

        return sku.StartsWith("MUG-", StringComparison.Ordinal) || sku.StartsWith("CNDL-", StringComparison.Ordinal)
            ? roll switch { < 45 => ReturnReason.Damaged, < 65 => ReturnReason.NotAsDescribed, _ => ReturnReason.ChangedMind }
            : roll switch { < 35 => ReturnReason.ChangedMind, < 60 => ReturnReason.NotAsDescribed, < 75 => ReturnReason.WrongItem, < 90 => ReturnReason.Defective, _ => ReturnReason.Other };
    }

    private static string? CommentFor(ReturnReason reason, int roll) => (reason, roll % 3) switch
    {
        (ReturnReason.TooSmall, 0) => "Tight across the shoulders, I need one size up.",
        (ReturnReason.TooSmall, _) => "Runs small.",
        (ReturnReason.TooLarge, 0) => "Much roomier than the size chart suggests.",
        (ReturnReason.Damaged, _) => "Arrived with a chip on the rim; the box was crushed.",
        (ReturnReason.Defective, 0) => "Seam came apart after the first wash.",
        (ReturnReason.Defective, _) => "Zip broke on day two.",
        (ReturnReason.NotAsDescribed, _) => "The colour is much darker than in the photos.",
        (ReturnReason.WrongItem, _) => "Received a different colour from the one I ordered.",
        (ReturnReason.ArrivedLate, _) => "Arrived after the trip it was for.",
        _ => null,
    };

    /// <summary>The other sizes of the same product: SKUs that differ only in their last segment.</summary>
    private static List<string> Variants(string sku, IReadOnlyList<string> catalogue)
    {
        var cut = sku.LastIndexOf('-');
        if (cut < 0)
        {
            return [];
        }

        var product = sku[..(cut + 1)];
        var size = sku[(cut + 1)..];
        return size.Length <= 2 || size.All(char.IsAsciiDigit)
            ? catalogue.Where(s => s != sku && s.StartsWith(product, StringComparison.Ordinal) && s.Length - product.Length <= 2).ToList()
            : [];
    }

    private static string NextSize(string sku, ReturnReason reason, IReadOnlyList<string> catalogue)
    {
        var sizes = catalogue.Where(s => s == sku || Variants(sku, catalogue).Contains(s)).ToList();
        var order = new[] { "XS", "S", "M", "L", "XL", "XXL" };
        sizes = sizes.OrderBy(s => Rank(s[(s.LastIndexOf('-') + 1)..], order)).ToList();
        var at = sizes.IndexOf(sku);
        var next = reason == ReturnReason.TooSmall ? Math.Min(at + 1, sizes.Count - 1) : Math.Max(at - 1, 0);
        return sizes[next == at ? (at == 0 ? 1 : at - 1) : next];
    }

    private static int Rank(string size, string[] letterSizes) =>
        int.TryParse(size, System.Globalization.CultureInfo.InvariantCulture, out var numeric) ? numeric : Array.IndexOf(letterSizes, size);

    private sealed record ReturnPlan(
        Guid OrderId,
        IReadOnlyList<OrderCopyLine> Lines,
        IReadOnlyList<ReturnReason> Reasons,
        ReturnResolution Resolution,
        string? ExchangeSku,
        ReturnStatus Target,
        int HoursToDecide,
        int HoursInTransit,
        int HoursToInspect,
        int Roll);
}
