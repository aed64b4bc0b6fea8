using System.Globalization;

namespace OrderHub.BuildingBlocks.Scanning;

/// <summary>
/// A Serialised GTIN as an RFID tag carries it in 96 bits (GS1 EPC Tag Data Standard, SGTIN-96): header 0x30,
/// filter (3 bits), partition (3 bits), company prefix and item reference (44 bits split by the partition), serial
/// (38 bits). <see cref="ItemReference"/> starts with the GTIN's indicator digit, as in the pure-identity URI.
/// </summary>
public sealed record Sgtin96
{
    public const byte Header = 0x30;

    /// <summary>The largest serial 38 bits hold.</summary>
    public const long MaxSerial = (1L << 38) - 1;

    /// <summary>Company prefix bits and digits per partition value; the item reference gets the rest of 44 bits and 13 digits.</summary>
    private static readonly (int Bits, int Digits)[] CompanyPrefixPartitions =
        [(40, 12), (37, 11), (34, 10), (30, 9), (27, 8), (24, 7), (20, 6)];

    private Sgtin96(int filter, string companyPrefix, string itemReference, long serial)
    {
        Filter = filter;
        CompanyPrefix = companyPrefix;
        ItemReference = itemReference;
        Serial = serial;
    }

    /// <summary>0-7; 1 is a point-of-sale item, 3 a full case (Tag Data Standard table of filter values).</summary>
    public int Filter { get; }

    /// <summary>The GS1 company prefix, 6 to 12 digits.</summary>
    public string CompanyPrefix { get; }

    /// <summary>The indicator digit followed by the item reference: 13 digits minus the company prefix's.</summary>
    public string ItemReference { get; }

    public long Serial { get; }

    public int Partition => 12 - CompanyPrefix.Length;

    /// <summary>The GTIN-14: indicator digit, company prefix, item reference, check digit.</summary>
    public Gtin Gtin => Gtin.FromDigitsWithoutCheck(ItemReference[..1] + CompanyPrefix + ItemReference[1..]);

    /// <summary>The pure-identity URI, <c>urn:epc:id:sgtin:CompanyPrefix.IndicatorItemRef.Serial</c>.</summary>
    public string PureIdentityUri => string.Create(CultureInfo.InvariantCulture, $"urn:epc:id:sgtin:{CompanyPrefix}.{ItemReference}.{Serial}");

    /// <summary>Whether the code is 24 hexadecimal digits, the shape of any 96-bit EPC.</summary>
    public static bool HasEpcShape(string? code) => code is { Length: 24 } && code.All(char.IsAsciiHexDigit);

    /// <summary>Decodes an SGTIN-96 given as 24 hexadecimal digits; false with the reason when it is not one.</summary>
    public static bool TryDecode(string? hex, out Sgtin96? sgtin, out string error)
    {
        sgtin = null;
        if (hex is null || hex.Length != 24)
        {
            error = $"An SGTIN-96 EPC has 24 hexadecimal digits, not {hex?.Length ?? 0}.";
            return false;
        }

        if (!hex.All(char.IsAsciiHexDigit))
        {
            error = "An SGTIN-96 EPC consists of hexadecimal digits only (0-9, A-F).";
            return false;
        }

        var bits = UInt128.Parse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);

        var header = (int)Take(bits, 88, 8);
        if (header != Header)
        {
            error = $"The EPC header is 0x{header:X2}, not 0x30: it is not an SGTIN-96.";
            return false;
        }

        var filter = (int)Take(bits, 85, 3);
        var partition = (int)Take(bits, 82, 3);
        if (partition >= CompanyPrefixPartitions.Length)
        {
            error = $"Partition value {partition} is not defined for SGTIN-96 (0-6).";
            return false;
        }

        var (prefixBits, prefixDigits) = CompanyPrefixPartitions[partition];
        var itemBits = 44 - prefixBits;
        var itemDigits = 13 - prefixDigits;
        var companyPrefix = Take(bits, 38 + itemBits, prefixBits);
        var itemReference = Take(bits, 38, itemBits);
        if (companyPrefix >= Pow10(prefixDigits))
        {
            error = $"The company prefix {companyPrefix} has more than the {prefixDigits} digits partition {partition} allows.";
            return false;
        }

        if (itemReference >= Pow10(itemDigits))
        {
            error = $"The item reference {itemReference} has more than the {itemDigits} digits partition {partition} allows.";
            return false;
        }

        sgtin = new Sgtin96(filter, Digits(companyPrefix, prefixDigits), Digits(itemReference, itemDigits), (long)Take(bits, 0, 38));
        error = string.Empty;
        return true;
    }

    public static Sgtin96 Decode(string hex) =>
        TryDecode(hex, out var sgtin, out var error) ? sgtin! : throw new FormatException(error);

    /// <summary>The SGTIN of one instance of <paramref name="gtin"/>, whose company prefix has <paramref name="companyPrefixLength"/> digits.</summary>
    public static Sgtin96 For(Gtin gtin, int companyPrefixLength, long serial, int filter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(companyPrefixLength, 6);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(companyPrefixLength, 12);
        ArgumentOutOfRangeException.ThrowIfNegative(serial);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(serial, MaxSerial);
        ArgumentOutOfRangeException.ThrowIfNegative(filter);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(filter, 7);
        var digits = gtin.Value;
        return new Sgtin96(filter, digits.Substring(1, companyPrefixLength), digits[..1] + digits[(1 + companyPrefixLength)..13], serial);
    }

    /// <summary>The 24 hexadecimal digits (upper case) a tag would carry.</summary>
    public string Encode()
    {
        var (prefixBits, _) = CompanyPrefixPartitions[Partition];
        var itemBits = 44 - prefixBits;
        var bits = ((UInt128)Header << 88)
            | ((UInt128)(uint)Filter << 85)
            | ((UInt128)(uint)Partition << 82)
            | (UInt128.Parse(CompanyPrefix, CultureInfo.InvariantCulture) << (38 + itemBits))
            | (UInt128.Parse(ItemReference, CultureInfo.InvariantCulture) << 38)
            | (UInt128)(ulong)Serial;
        return bits.ToString("X24", CultureInfo.InvariantCulture);
    }

    private static UInt128 Take(UInt128 bits, int offset, int count) => (bits >> offset) & ((UInt128.One << count) - 1);

    private static UInt128 Pow10(int exponent)
    {
        var value = UInt128.One;
        for (var i = 0; i < exponent; i++)
        {
            value *= 10;
        }

        return value;
    }

    private static string Digits(UInt128 value, int count) => value.ToString(CultureInfo.InvariantCulture).PadLeft(count, '0');
}
