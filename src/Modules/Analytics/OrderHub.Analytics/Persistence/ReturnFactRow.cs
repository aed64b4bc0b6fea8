using System.Text.Json;
using OrderHub.BuildingBlocks.Domain;

namespace OrderHub.Analytics.Persistence;

/// <summary>
/// One return as the read model knows it: when it passed each stage (for processing times) and which of its
/// effects on the counters are applied. Each stage is applied once; versioned, so two events of one return
/// applied at once cannot both apply the same stage.
/// </summary>
internal sealed class ReturnFactRow : AggregateRoot<Guid>
{
    private ReturnFactRow()
    {
    }

    public ReturnFactRow(Guid returnId, string storefront, string customerEmail, string segment, string resolution, DateTime requestedAt, IReadOnlyList<ReturnedUnits> lines)
    {
        Id = returnId;
        Storefront = storefront;
        CustomerEmail = customerEmail;
        Segment = segment;
        Resolution = resolution;
        RequestedAt = requestedAt;
        RequestedDay = DateOnly.FromDateTime(requestedAt);
        Lines = JsonSerializer.Serialize(lines);
        Counted = true;
    }

    public string Storefront { get; private set; } = string.Empty;

    public string CustomerEmail { get; private set; } = string.Empty;

    public string Segment { get; private set; } = string.Empty;

    public string Resolution { get; private set; } = string.Empty;

    public DateOnly RequestedDay { get; private set; }

    public DateTime RequestedAt { get; private set; }

    public DateTime? ApprovedAt { get; private set; }

    public DateTime? ReceivedAt { get; private set; }

    public DateTime? CompletedAt { get; private set; }

    /// <summary>Whether its units are in the counters: from the request until it is rejected, cancelled or expired.</summary>
    public bool Counted { get; private set; }

    /// <summary>Whether its money and dispositions are in the counters.</summary>
    public bool Settled { get; private set; }

    /// <summary>The counted lines, as JSON.</summary>
    public string Lines { get; private set; } = "[]";

    public IReadOnlyList<ReturnedUnits> ReturnedUnits() => JsonSerializer.Deserialize<List<ReturnedUnits>>(Lines) ?? [];

    /// <summary>The stages this return went through so far, with their durations as the histograms count them.</summary>
    public IReadOnlyDictionary<string, long> StageTimes() =>
        OrderHub.Analytics.StageTimes.Of(RequestedAt, ApprovedAt, ReceivedAt, CompletedAt).ToDictionary(s => s.Stage, s => s.Centihours, StringComparer.Ordinal);

    public bool Approve(DateTime at) => Stamp(ApprovedAt, at, v => ApprovedAt = v);

    public bool Receive(DateTime at) => Stamp(ReceivedAt, at, v => ReceivedAt = v);

    /// <returns>Whether the return was counted until now, so its units must be taken back.</returns>
    public bool Withdraw()
    {
        if (!Counted)
        {
            return false;
        }

        Counted = false;
        Touch();
        return true;
    }

    /// <returns>Whether the settlement is new, so its money and dispositions must be counted.</returns>
    public bool Settle(DateTime completedAt)
    {
        if (Settled)
        {
            return false;
        }

        Settled = true;
        CompletedAt ??= completedAt;
        Touch();
        return true;
    }

    private bool Stamp(DateTime? current, DateTime at, Action<DateTime> set)
    {
        if (current is not null)
        {
            return false;
        }

        set(at);
        Touch();
        return true;
    }
}
