namespace OrderHub.Warehouse.Contracts;

/// <summary>A new storage location in a warehouse.</summary>
/// <param name="Code">Location code, unique across all warehouses, e.g. <c>AMS1-A-01-03</c>.</param>
/// <param name="Type">One of <c>Pick, Bulk, Receiving, Returns, Quarantine, Damaged, Refurbish, ReturnToVendor</c>.</param>
/// <param name="Sku">Optional, Pick locations only: the SKU this location is the pick face of; restocked returns of that SKU go here.</param>
public sealed record AddLocationRequest(string? Code, string? Type, string? Sku);
