using OrderHub.BuildingBlocks.Application;

namespace OrderHub.Inventory.Contracts;

/// <summary>
/// The SKUs a scanned barcode names. A GTIN (valid check digit) matches a catalogue barcode that is the same GTIN
/// in any length (<c>036000291452</c> finds <c>0036000291452</c>); any other code matches a barcode exactly. Usually
/// one SKU or none; several only when the catalogue holds one GTIN in two lengths.
/// </summary>
public sealed record FindSkusByBarcodeQuery(string Barcode) : IQuery<IReadOnlyList<SkuInfo>>;
