
namespace OrderHub.Returns;

/// <summary>Bound from <c>OrderHub:Returns</c>.</summary>
internal sealed class ReturnsOptions
{
    public const string SectionName = "OrderHub:Returns";

    /// <summary>How often deadlines are checked.</summary>
    public TimeSpan DeadlineCheckInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long before expiry the customer is reminded.</summary>
    public TimeSpan ExpiryReminderLead { get; set; } = TimeSpan.FromDays(2);

    /// <summary>A received return not inspected within this time is flagged on the work queue.</summary>
    public TimeSpan InspectionDue { get; set; } = TimeSpan.FromHours(48);
}
