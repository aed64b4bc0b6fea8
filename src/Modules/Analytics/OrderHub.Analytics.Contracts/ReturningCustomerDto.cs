namespace OrderHub.Analytics.Contracts;

/// <summary>A customer's orders and returns in the window (the serial-returner view).</summary>
/// <param name="CustomerEmail">The customer, by the email the orders carry.</param>
/// <param name="OrdersDelivered">Their orders delivered in the window.</param>
/// <param name="UnitsSold">Units of those orders.</param>
/// <param name="Returns">Their returns requested in the window and not rejected, cancelled or expired.</param>
/// <param name="UnitsReturned">Units on those returns.</param>
/// <param name="ReturnRate">UnitsReturned / UnitsSold, rounded to 4 places; null when nothing was delivered to them in the window.</param>
public sealed record ReturningCustomerDto(string CustomerEmail, int OrdersDelivered, int UnitsSold, int Returns, int UnitsReturned, decimal? ReturnRate);
