namespace OrderHub.Warehouse.Contracts;

/// <summary>What a scanned code names.</summary>
/// <param name="Kind">What the code is.</param>
/// <param name="Code">The code as scanned, without surrounding blanks.</param>
/// <param name="Sku">The catalogue SKU of a SKU code, barcode or EPC.</param>
/// <param name="Gtin">The GTIN-14 of a GTIN barcode or EPC, or of the SKU's barcode when it is a GTIN.</param>
/// <param name="Serial">The serial number of an EPC's item.</param>
/// <param name="RmaNumber">The return an RMA number or tracking number names.</param>
/// <param name="ReturnId">The id of that return.</param>
/// <param name="ReturnStatus">Its status, so a dock station can tell at once whether it can be received.</param>
/// <param name="EpcUri">An EPC's pure-identity URI, <c>urn:epc:id:sgtin:CompanyPrefix.IndicatorItemRef.Serial</c>.</param>
/// <param name="Filter">An EPC's filter value (1 point-of-sale item, 3 full case, ...).</param>
/// <param name="CompanyPrefix">An EPC's GS1 company prefix.</param>
/// <param name="ItemReference">An EPC's indicator digit and item reference.</param>
public sealed record ScanResultDto(
    ScanKind Kind,
    string Code,
    string? Sku = null,
    string? Gtin = null,
    string? Serial = null,
    string? RmaNumber = null,
    Guid? ReturnId = null,
    string? ReturnStatus = null,
    string? EpcUri = null,
    int? Filter = null,
    string? CompanyPrefix = null,
    string? ItemReference = null);
