namespace OrderHub.Returns.Labels;

/// <summary>One line of the parcel's contents, so the dock can check the box at a glance.</summary>
internal sealed record LabelItem(string Sku, string Name, int Quantity);
