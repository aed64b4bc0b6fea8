namespace OrderHub.Warehouse.Contracts;

/// <summary>What a scanned code turned out to be.</summary>
public enum ScanKind
{
    /// <summary>A SKU code of the catalogue.</summary>
    Sku,

    /// <summary>A GTIN barcode (8, 12, 13 or 14 digits) of a catalogue SKU.</summary>
    Gtin,

    /// <summary>A catalogue barcode that is not a GTIN (an internal code), matched exactly.</summary>
    Barcode,

    /// <summary>An SGTIN-96 EPC read from an RFID tag: one serialised item.</summary>
    Epc,

    /// <summary>The RMA number of a return.</summary>
    Rma,

    /// <summary>The tracking number on a return label.</summary>
    TrackingNumber,
}
