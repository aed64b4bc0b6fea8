using OrderHub.Returns.Contracts;
using OrderHub.Returns.Policies;

namespace OrderHub.Returns.Domain;

/// <summary>
/// One item of a return: the order it came from, what was sent back or kept, why, and, once graded, its condition
/// and refund.
/// </summary>
internal sealed class ReturnLine
{
    private ReturnLine()
    {
    }

    public ReturnLine((Guid Id, string Number) order, Guid orderLineId, string sku, int quantity, decimal unitPrice, ReturnReason reason, string? comment, bool keepIt)
    {
        Id = Guid.NewGuid();
        OrderId = order.Id;
        OrderNumber = order.Number;
        OrderLineId = orderLineId;
        Sku = sku;
        Quantity = quantity;
        UnitPrice = unitPrice;
        Reason = reason;
        Comment = comment;
        KeepIt = keepIt;
    }

    public Guid Id { get; private set; }

    public Guid ReturnId { get; private set; }

    public Guid OrderId { get; private set; }

    public string OrderNumber { get; private set; } = string.Empty;

    public Guid OrderLineId { get; private set; }

    public string Sku { get; private set; } = string.Empty;

    public int Quantity { get; private set; }

    public decimal UnitPrice { get; private set; }

    public ReturnReason Reason { get; private set; }

    public string? Comment { get; private set; }

    public bool KeepIt { get; private set; }

    public ItemCondition? Condition { get; private set; }

    public Disposition? Disposition { get; private set; }

    public decimal RefundAmount { get; private set; }

    public void AttachTo(Guid returnId) => ReturnId = returnId;

    /// <summary>Refund for the line: full when the seller is at fault or the item came back defective, else less the restocking fee.</summary>
    public decimal Grade(ItemCondition condition, Disposition disposition, decimal restockingFeePercent)
    {
        Condition = condition;
        Disposition = disposition;
        var sellerFault = PolicyEvaluator.SellerFault.Contains(Reason) || condition == ItemCondition.Defective;
        RefundAmount = Value(sellerFault ? 0 : restockingFeePercent);
        return RefundAmount;
    }

    public decimal SettleKeptByCustomer(decimal restockingFeePercent)
    {
        RefundAmount = Value(PolicyEvaluator.SellerFault.Contains(Reason) ? 0 : restockingFeePercent);
        return RefundAmount;
    }

    private decimal Value(decimal feePercent)
    {
        var value = Quantity * UnitPrice;
        return value - PolicyEvaluator.RestockingFee(value, feePercent);
    }
}
