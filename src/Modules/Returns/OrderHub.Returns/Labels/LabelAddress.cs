namespace OrderHub.Returns.Labels;

/// <summary>A postal address as printed on a label.</summary>
internal sealed record LabelAddress(
    string Name,
    string Line1,
    string? Line2,
    string City,
    string? Region,
    string PostalCode,
    string Country)
{
    /// <summary>The address as the lines a carrier reads, top to bottom.</summary>
    public IReadOnlyList<string> ToLines()
    {
        var lines = new List<string> { Name, Line1 };
        if (!string.IsNullOrWhiteSpace(Line2))
        {
            lines.Add(Line2);
        }

        // Addresses with a region (US, CA, AU) put the postal code last; most others lead with it.
        lines.Add(string.IsNullOrWhiteSpace(Region)
            ? $"{PostalCode} {City}"
            : $"{City}, {Region} {PostalCode}");

        // UPU convention: the destination country in capitals on the last line.
        lines.Add(Country.ToUpperInvariant());
        return lines;
    }
}
