using System.Globalization;
using OrderHub.BuildingBlocks.Scanning;

namespace OrderHub.Returns.Domain;

/// <summary>
/// The tracking number printed on a return label: <c>RT</c>, the RMA's sequence number in nine digits and a check
/// digit (the GS1 mod-10 one), so a carrier's scan of the parcel leads back to the RMA and a mistyped digit is caught.
/// It is derived from the RMA rather than stored: every label ever printed keeps resolving without a data change.
/// </summary>
internal static class ReturnTrackingNumber
{
    private const string Prefix = "RT";

    public static string For(long sequenceNumber)
    {
        var digits = sequenceNumber.ToString("D9", CultureInfo.InvariantCulture);
        return Prefix + digits + Gtin.CheckDigit(digits);
    }

    /// <summary>The RMA sequence number a tracking number carries; false when it is not one of ours or its check digit is wrong.</summary>
    public static bool TryRead(string? trackingNumber, out long sequenceNumber)
    {
        sequenceNumber = 0;
        var code = trackingNumber?.Trim().ToUpperInvariant();
        if (code is null || code.Length < Prefix.Length + 10 || code.Length > Prefix.Length + 18 || !code.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var digits = code.AsSpan(Prefix.Length, code.Length - Prefix.Length - 1);
        return digits.IndexOfAnyExceptInRange('0', '9') < 0
            && char.IsAsciiDigit(code[^1])
            && Gtin.CheckDigit(digits) == code[^1]
            && long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out sequenceNumber)
            && For(sequenceNumber) == code;
    }
}
