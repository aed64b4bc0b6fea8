using System.Globalization;

namespace OrderHub.Returns.Labels;

/// <summary>The contents list shortened to the lines a label has room for.</summary>
internal static class ItemLines
{
    /// <summary>
    /// One line per item while they fit; when they do not, the last line says how many more
    /// there are, so nobody mistakes a cut list for the whole parcel.
    /// </summary>
    public static IReadOnlyList<string> Summarise(IReadOnlyList<LabelItem> items, int maxLines)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLines, 1);
        var shown = items.Count <= maxLines ? items.Count : maxLines - 1;
        var lines = new List<string>(maxLines);
        for (var i = 0; i < shown; i++)
        {
            var item = items[i];
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{item.Quantity} x {item.Sku}  {item.Name}"));
        }

        if (shown < items.Count)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"+{items.Count - shown} more"));
        }

        return lines;
    }
}
