namespace OrderHub.Orders.Contracts;

/// <summary>
/// One scan at the shelf: exactly one of <c>barcode</c> (a GTIN or another catalogue barcode), <c>sku</c> or <c>epc</c>
/// (an SGTIN-96 tag, 24 hexadecimal digits, one item).
/// </summary>
/// <param name="Barcode">A catalogue barcode; a GTIN's check digit is verified.</param>
/// <param name="Sku">The SKU code.</param>
/// <param name="Epc">An RFID tag's SGTIN-96 EPC; its GTIN names the SKU, and it counts one unit.</param>
/// <param name="Quantity">Units picked by this scan (default 1).</param>
/// <param name="LocationCode">The shelf scanned at, when the SKU is listed at several.</param>
/// <param name="OrderLineId">The order line picked for, when the SKU is listed for several.</param>
public sealed record ScanPickRequest(string? Barcode, string? Sku, string? Epc, int? Quantity = null, string? LocationCode = null, Guid? OrderLineId = null);
