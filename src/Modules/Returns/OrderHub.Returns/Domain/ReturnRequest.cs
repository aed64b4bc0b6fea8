using OrderHub.BuildingBlocks.Domain;
using OrderHub.Returns.Contracts;
using OrderHub.Returns.Policies;

namespace OrderHub.Returns.Domain;

/// <summary>
/// A return merchandise authorisation. It guards its lifecycle (Requested → Approved → Received →
/// Completed, or Rejected / Cancelled / Expired), records every transition on its timeline and raises a
/// domain event for it (Domain/Events), deadline rules of the clock included.
/// </summary>
internal sealed class ReturnRequest : AggregateRoot<Guid>
{
    private readonly List<ReturnLine> _lines = [];
    private readonly List<ReturnTimelineEntry> _timeline = [];

    private ReturnRequest()
    {
    }

    public long SequenceNumber { get; private set; }

    public string RmaNumber { get; private set; } = string.Empty;

    public ReturnStatus Status { get; private set; }

    public Guid OrderId { get; private set; }

    public string OrderNumber { get; private set; } = string.Empty;

    public string? Storefront { get; private set; }

    public string CustomerEmail { get; private set; } = string.Empty;

    public string CustomerName { get; private set; } = string.Empty;

    public string Locale { get; private set; } = "en";

    public string Currency { get; private set; } = string.Empty;

    public ReturnResolution Resolution { get; private set; }

    public string? ExchangeSku { get; private set; }

    public int PolicyVersion { get; private set; }

    public decimal ItemsValue { get; private set; }

    public decimal RestockingFee { get; private set; }

    public decimal ShippingFee { get; private set; }

    public decimal StoreCreditBonus { get; private set; }

    public decimal RefundEstimate { get; private set; }

    /// <summary>Why the request waits for a person (newline-separated); empty when it was approved at once.</summary>
    public string ReviewReasons { get; private set; } = string.Empty;

    public string? RejectionReason { get; private set; }

    public string? WarehouseCode { get; private set; }

    /// <summary>Why the parcel goes to <see cref="WarehouseCode"/>, in plain words; null on returns requested before routing was recorded.</summary>
    public string? RoutingReason { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime? ApprovedAt { get; private set; }

    public DateTime? ShipBy { get; private set; }

    public DateTime? ExpiryReminderAt { get; private set; }

    public DateTime? ReceivedAt { get; private set; }

    public DateTime? InspectionOverdueSince { get; private set; }

    public DateTime? CompletedAt { get; private set; }

    public decimal? RefundAmount { get; private set; }

    public decimal? StoreCreditAmount { get; private set; }

    public string? ExchangeOrderNumber { get; private set; }

    public IReadOnlyList<ReturnLine> Lines => _lines;

    public IReadOnlyList<ReturnTimelineEntry> Timeline => _timeline;

    /// <summary>Lines the customer sends back (keep-it lines are refunded without shipping).</summary>
    public IEnumerable<ReturnLine> ShippedBackLines => _lines.Where(l => !l.KeepIt);

    /// <summary>The orders the return takes items from, the first line's first.</summary>
    public IReadOnlyList<Guid> OrderIds => [.. _lines.Select(l => l.OrderId).Distinct()];

    public bool EverythingKeptByCustomer => _lines.All(l => l.KeepIt);

    public static string FormatRmaNumber(long sequenceNumber) => $"RMA-{sequenceNumber:D6}";

    /// <summary>
    /// A new request. Its order is the first line's, so consumers that know one order per return keep one; every line
    /// names its own order.
    /// </summary>
    public static ReturnRequest Request(
        long sequenceNumber,
        string? storefront,
        (string Email, string Name, string Locale) customer,
        string currency,
        ReturnResolution resolution,
        string? exchangeSku,
        int policyVersion,
        (decimal ItemsValue, decimal RestockingFee, decimal ShippingFee, decimal StoreCreditBonus, decimal Total) quote,
        IReadOnlyList<string> reviewReasons,
        (string? Code, string? Reason) warehouse,
        IEnumerable<ReturnLine> lines,
        string actor,
        DateTime now)
    {
        var all = lines.ToList();
        var first = all.FirstOrDefault() ?? throw new InvalidOperationException("A return needs at least one line.");
        var request = new ReturnRequest
        {
            Id = Guid.NewGuid(),
            SequenceNumber = sequenceNumber,
            RmaNumber = FormatRmaNumber(sequenceNumber),
            Status = ReturnStatus.Requested,
            OrderId = first.OrderId,
            OrderNumber = first.OrderNumber,
            Storefront = storefront,
            CustomerEmail = customer.Email,
            CustomerName = customer.Name,
            Locale = customer.Locale,
            Currency = currency,
            Resolution = resolution,
            ExchangeSku = exchangeSku,
            PolicyVersion = policyVersion,
            ItemsValue = quote.ItemsValue,
            RestockingFee = quote.RestockingFee,
            ShippingFee = quote.ShippingFee,
            StoreCreditBonus = quote.StoreCreditBonus,
            RefundEstimate = quote.Total,
            ReviewReasons = string.Join('\n', reviewReasons),
            WarehouseCode = warehouse.Code,
            RoutingReason = warehouse.Reason,
            CreatedAt = now,
        };
        foreach (var line in all)
        {
            line.AttachTo(request.Id);
            request._lines.Add(line);
        }

        request.Record("ReturnRequested", actor, now, reviewReasons.Count == 0 ? null : string.Join(" ", reviewReasons));
        request.Raise(new Events.ReturnRequested(request, now));
        return request;
    }

    /// <summary>Approves under <paramref name="policy"/>, which must be the version the request was judged under.</summary>
    public void Approve(ReturnPolicy policy, string actor, DateTime now)
    {
        RequireOwn(policy);
        Require(ReturnStatus.Requested, "approved");
        Status = ReturnStatus.Approved;
        ApprovedAt = now;
        ShipBy = EverythingKeptByCustomer ? null : now.AddDays(policy.Rules.DaysToShip);
        Record("ReturnApproved", actor, now, ShipBy is null ? "keep-it: nothing to send back" : $"ship by {ShipBy:yyyy-MM-dd}");
        Raise(new Events.ReturnApproved(this, now));
    }

    public void Reject(string reason, string actor, DateTime now)
    {
        Require(ReturnStatus.Requested, "rejected");
        Status = ReturnStatus.Rejected;
        RejectionReason = reason;
        Record("ReturnRejected", actor, now, reason);
        Raise(new Events.ReturnRejected(this, reason, now));
    }

    public void Cancel(string actor, DateTime now)
    {
        if (Status is not (ReturnStatus.Requested or ReturnStatus.Approved or ReturnStatus.InTransit))
        {
            throw new ConflictException($"Return {RmaNumber} is {Status}; only returns not yet received can be cancelled.", "illegal-transition");
        }

        Status = ReturnStatus.Cancelled;
        Record("ReturnCancelled", actor, now, null);
        Raise(new Events.ReturnCancelled(this, now));
    }

    /// <summary>
    /// Reminds the customer, once, when an approved return that ships something back expires within
    /// <paramref name="lead"/>; a return already past its date expires instead.
    /// </summary>
    /// <returns>Whether the reminder was due (otherwise nothing changes).</returns>
    public bool RemindOfExpiry(TimeSpan lead, string actor, DateTime now)
    {
        if (Status != ReturnStatus.Approved || ExpiryReminderAt is not null || ShipBy is not { } shipBy || shipBy <= now || shipBy > now + lead)
        {
            return false;
        }

        ExpiryReminderAt = now;
        Record("ReturnExpiring", actor, now, $"expires {ShipBy:yyyy-MM-dd HH:mm} UTC");
        Raise(new Events.ReturnExpiring(this, now));
        return true;
    }

    /// <summary>Expires an approved return whose parcel has not arrived by its ship-by date.</summary>
    /// <returns>Whether it expired (otherwise nothing changes).</returns>
    public bool Expire(string actor, DateTime now)
    {
        if (Status != ReturnStatus.Approved || ShipBy is not { } shipBy || shipBy > now)
        {
            return false;
        }

        Status = ReturnStatus.Expired;
        Record("ReturnExpired", actor, now, "the parcel did not arrive in time");
        Raise(new Events.ReturnExpired(this, now));
        return true;
    }

    public void Receive(string warehouseCode, string actor, DateTime now)
    {
        if (Status is not (ReturnStatus.Approved or ReturnStatus.InTransit))
        {
            throw new ConflictException($"Return {RmaNumber} is {Status}; only approved returns can be received.", "illegal-transition");
        }

        if (EverythingKeptByCustomer)
        {
            throw new ConflictException($"Return {RmaNumber} is kept by the customer; nothing is shipped back.", "illegal-transition");
        }

        WarehouseCode = warehouseCode;
        Status = ReturnStatus.Received;
        ReceivedAt = now;
        Record("ReturnReceived", actor, now, $"at warehouse {warehouseCode}");
        Raise(new Events.ReturnReceived(this, now));
    }

    /// <summary>Puts a received return on the inspection work queue, once, when it has waited longer than <paramref name="inspectionDue"/>.</summary>
    /// <returns>Whether it was overdue (otherwise nothing changes).</returns>
    public bool FlagInspectionOverdue(TimeSpan inspectionDue, string actor, DateTime now)
    {
        if (Status != ReturnStatus.Received || InspectionOverdueSince is not null || ReceivedAt is not { } receivedAt || receivedAt > now - inspectionDue)
        {
            return false;
        }

        InspectionOverdueSince = now;
        Record("InspectionOverdue", actor, now, "received more than 48 hours ago and not inspected");
        Raise(new Events.InspectionOverdueFlagged(this, now));
        return true;
    }

    /// <summary>
    /// Grades every shipped-back line and records the resolution; the RMA is then Completed. The fees and bonus
    /// are those of <paramref name="policy"/>, which must be the version the request was judged under.
    /// </summary>
    public void Complete(IReadOnlyDictionary<Guid, (ItemCondition Condition, Disposition Disposition)> grades, ReturnPolicy policy, string actor, DateTime now)
    {
        RequireOwn(policy);
        var restockingFeePercent = policy.Rules.RestockingFeePercent;
        var storeCreditBonusPercent = policy.Rules.StoreCreditBonusPercent;
        var expectGrades = Status == ReturnStatus.Received;
        if (!expectGrades && !(Status == ReturnStatus.Approved && EverythingKeptByCustomer))
        {
            throw new ConflictException($"Return {RmaNumber} is {Status}; only received returns can be inspected.", "illegal-transition");
        }

        if (expectGrades)
        {
            var missing = ShippedBackLines.Where(l => !grades.ContainsKey(l.Id)).Select(l => l.Id).ToList();
            if (missing.Count > 0 || grades.Keys.Any(id => ShippedBackLines.All(l => l.Id != id)))
            {
                throw new BusinessRuleException("Inspection must grade every line that was sent back, and only those lines.", "inspection-incomplete");
            }
        }

        decimal refund = 0;
        foreach (var line in _lines)
        {
            refund += grades.TryGetValue(line.Id, out var grade)
                ? line.Grade(grade.Condition, grade.Disposition, restockingFeePercent)
                : line.SettleKeptByCustomer(restockingFeePercent);
        }

        refund = decimal.Round(Math.Max(0, refund - ShippingFee), 2, MidpointRounding.AwayFromZero);
        switch (Resolution)
        {
            case ReturnResolution.Refund:
                RefundAmount = refund;
                break;
            case ReturnResolution.StoreCredit:
                StoreCreditAmount = decimal.Round(refund * (1 + (storeCreditBonusPercent / 100m)), 2, MidpointRounding.AwayFromZero);
                break;
        }

        Status = ReturnStatus.Completed;
        CompletedAt = now;
        Record("ReturnCompleted", actor, now, Resolution switch
        {
            ReturnResolution.Refund => $"refund {RefundAmount:0.00} {Currency}",
            ReturnResolution.StoreCredit => $"store credit {StoreCreditAmount:0.00} {Currency}",
            _ => $"exchange for {ExchangeSku}",
        });

        // An exchange is settled once its replacement order exists (RecordExchangeOrder); only then is it announced.
        if (Resolution != ReturnResolution.Exchange)
        {
            Raise(new Events.ReturnCompleted(this, now));
        }
    }

    /// <summary>Records the replacement order of a completed exchange, which settles it.</summary>
    public void RecordExchangeOrder(string orderNumber, DateTime now)
    {
        if (Status != ReturnStatus.Completed || Resolution != ReturnResolution.Exchange || ExchangeOrderNumber is not null)
        {
            throw new InvalidOperationException($"Return {RmaNumber} is a {Status} {Resolution}; only a completed exchange gets its replacement order, once.");
        }

        ExchangeOrderNumber = orderNumber;
        Touch();
        Raise(new Events.ReturnCompleted(this, now));
    }

    /// <summary>Every amount and rule of an RMA comes from its own version, whatever was stored since.</summary>
    private void RequireOwn(ReturnPolicy policy)
    {
        if (policy.Version != PolicyVersion)
        {
            throw new InvalidOperationException($"Return {RmaNumber} was judged under policy version {PolicyVersion} and is settled under it, not under version {policy.Version}.");
        }
    }

    private void Require(ReturnStatus expected, string verb)
    {
        if (Status != expected)
        {
            throw new ConflictException($"Return {RmaNumber} is {Status}; only {expected.ToString().ToLowerInvariant()} returns can be {verb}.", "illegal-transition");
        }
    }

    private void Record(string eventName, string actor, DateTime now, string? detail)
    {
        _timeline.Add(new ReturnTimelineEntry(Id, _timeline.Count + 1, eventName, Status, actor, now, detail));
        Touch();
    }
}
