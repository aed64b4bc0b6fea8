using OrderHub.Returns.Contracts;
using OrderHub.Returns.Domain;

namespace OrderHub.Returns;

internal static class ReturnMapping
{
    /// <summary>Where the printable label of an approved return is served.</summary>
    public static string LabelUrl(Guid returnId) => $"/api/v1/returns/{returnId}/label";

    public static ReturnDto ToDto(this ReturnRequest rma) => new(
        rma.Id,
        rma.RmaNumber,
        rma.Status,
        rma.OrderId,
        rma.OrderNumber,
        rma.Storefront,
        rma.CustomerEmail,
        rma.Resolution,
        rma.ExchangeSku,
        rma.PolicyVersion,
        new RefundBreakdown(rma.ItemsValue, rma.RestockingFee, rma.ShippingFee, rma.StoreCreditBonus, rma.RefundEstimate, rma.Currency),
        rma.Lines.Select(l => new ReturnLineDto(l.Id, l.OrderLineId, l.Sku, l.Quantity, l.UnitPrice, l.Reason, l.Comment, l.KeepIt, l.Condition, l.Disposition, l.RefundAmount,
            l.OrderId, l.OrderNumber)).ToList(),
        rma.ReviewReasons.Length == 0 ? [] : rma.ReviewReasons.Split('\n'),
        rma.RejectionReason,
        rma.CreatedAt,
        rma.ApprovedAt,
        rma.ShipBy,
        rma.ReceivedAt,
        rma.CompletedAt,
        rma.InspectionOverdueSince,
        rma.RefundAmount,
        rma.StoreCreditAmount,
        rma.ExchangeOrderNumber,
        rma.Status is ReturnStatus.Approved or ReturnStatus.InTransit && !rma.EverythingKeptByCustomer ? LabelUrl(rma.Id) : null,
        rma.Version,
        ReturnCodes.TrackingNumberOf(rma),
        rma.WarehouseCode,
        rma.RoutingReason);

    /// <summary>
    /// The return as integration events carry it. The top-level order stays the first line's, for consumers that know one
    /// order per return; the order ids, and each line's order, are added.
    /// </summary>
    public static ReturnSnapshot ToSnapshot(this ReturnRequest rma) => new(
        rma.Id,
        rma.RmaNumber,
        rma.Status,
        rma.OrderId,
        rma.OrderNumber,
        rma.Storefront,
        rma.CustomerEmail,
        rma.CustomerName,
        rma.Locale,
        rma.Resolution,
        rma.ExchangeSku,
        rma.Currency,
        rma.RefundEstimate,
        rma.ShipBy,
        rma.Lines.Select(l => new ReturnLineSnapshot(l.Sku, l.Quantity, l.Reason, l.KeepIt, l.Condition, l.Disposition, l.RefundAmount, l.OrderId)).ToList(),
        rma.CreatedAt,
        rma.ApprovedAt,
        rma.ReceivedAt,
        rma.CompletedAt,
        rma.OrderIds);
}
