namespace OrderHub.Orders.Contracts;

/// <summary>A pick list is <c>Open</c> while units are left to pick and <c>Completed</c> once every line is picked or ended.</summary>
public enum PickListStatus
{
    Open,
    Completed,
}
