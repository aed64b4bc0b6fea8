using OrderHub.Returns.Labels;

namespace OrderHub.Returns.Tests.Labels;

internal static class SampleLabels
{
    public const string Rma = "RMA-2026-000123";

    public const string TrackingNumber = "RT0000001236";

    public static ReturnLabel Standard(IReadOnlyList<LabelItem>? items = null, LabelAddress? from = null) => new(
        Rma,
        "OH-100045",
        from ?? new LabelAddress("Jane Customer", "12 Elm Street", "Apt 4B", "Springfield", "IL", "62704", "United States"),
        new LabelAddress("OrderHub Returns", "Dock 3, 500 Industrial Way", null, "Rotterdam", null, "3011 AB", "Netherlands"),
        "Rotterdam DC",
        items ?? [new LabelItem("SKU-TSHIRT-M", "Organic cotton T-shirt, medium", 2), new LabelItem("SKU-MUG-01", "Enamel camping mug", 1)],
        new DateTime(2026, 11, 23, 9, 30, 0, DateTimeKind.Utc),
        new DateTime(2026, 12, 7, 0, 0, 0, DateTimeKind.Utc),
        TrackingNumber);

    public static IReadOnlyList<LabelItem> Items(int count) =>
        [.. Enumerable.Range(1, count).Select(i => new LabelItem($"SKU-{i:D3}", $"Item number {i}", 1))];
}
