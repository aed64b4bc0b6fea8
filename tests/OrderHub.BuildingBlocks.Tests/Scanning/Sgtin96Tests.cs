using OrderHub.BuildingBlocks.Scanning;

namespace OrderHub.BuildingBlocks.Tests.Scanning;

public sealed class Sgtin96Tests
{
    // The worked example of the GS1 EPC Tag Data Standard (SGTIN-96 encoding and decoding).
    private const string StandardExample = "3074257BF7194E4000001A85";

    [Fact]
    public void The_tag_data_standard_example_decodes_to_its_pure_identity_uri_and_gtin()
    {
        var sgtin = Sgtin96.Decode(StandardExample);

        sgtin.Filter.ShouldBe(3);
        sgtin.Partition.ShouldBe(5);
        sgtin.CompanyPrefix.ShouldBe("0614141");
        sgtin.ItemReference.ShouldBe("812345");
        sgtin.Serial.ShouldBe(6789);
        sgtin.PureIdentityUri.ShouldBe("urn:epc:id:sgtin:0614141.812345.6789");
        sgtin.Gtin.Value.ShouldBe("80614141123458");
    }

    [Fact]
    public void Encoding_the_standard_example_gives_back_its_hexadecimal_digits()
    {
        Sgtin96.For(Gtin.Parse("80614141123458"), 7, 6789, 3).Encode().ShouldBe(StandardExample);
        Sgtin96.Decode(StandardExample.ToLowerInvariant()).Encode().ShouldBe(StandardExample);
    }

    [Theory]
    [InlineData("4006381333931", 6, 0L, 0)]
    [InlineData("4006381333931", 7, 1L, 1)]
    [InlineData("036000291452", 8, 123456789L, 2)]
    [InlineData("80614141123458", 9, Sgtin96.MaxSerial, 7)]
    [InlineData("96385074", 10, 42L, 1)]
    [InlineData("10614141123459", 11, 5L, 1)]
    [InlineData("10614141123459", 12, 5L, 1)]
    public void Every_partition_round_trips(string gtin, int companyPrefixLength, long serial, int filter)
    {
        var encoded = Sgtin96.For(Gtin.Parse(gtin), companyPrefixLength, serial, filter).Encode();

        var decoded = Sgtin96.Decode(encoded);
        decoded.Gtin.ShouldBe(Gtin.Parse(gtin));
        decoded.Serial.ShouldBe(serial);
        decoded.Filter.ShouldBe(filter);
        decoded.CompanyPrefix.Length.ShouldBe(companyPrefixLength);
        decoded.Partition.ShouldBe(12 - companyPrefixLength);
        decoded.ItemReference.Length.ShouldBe(13 - companyPrefixLength);
    }

    [Theory]
    [InlineData("3074257BF7194E4000001A8", "24 hexadecimal digits, not 23")]
    [InlineData("3074257BF7194E4000001A850", "24 hexadecimal digits, not 25")]
    [InlineData("", "24 hexadecimal digits, not 0")]
    [InlineData(null, "24 hexadecimal digits, not 0")]
    [InlineData("3074257BF7194E4000001A8G", "hexadecimal digits only")]
    [InlineData("+074257BF7194E4000001A85", "hexadecimal digits only")]
    [InlineData("3174257BF7194E4000001A85", "header is 0x31, not 0x30")]
    [InlineData("E274257BF7194E4000001A85", "header is 0xE2, not 0x30")]
    public void Codes_that_are_not_an_sgtin_96_are_refused_with_the_reason(string? hex, string reason)
    {
        Sgtin96.TryDecode(hex, out var sgtin, out var error).ShouldBeFalse();
        sgtin.ShouldBeNull();
        error.ShouldContain(reason);
        Should.Throw<FormatException>(() => Sgtin96.Decode(hex!));
    }

    [Fact]
    public void Partition_seven_is_refused()
    {
        // Header 0x30, filter 3, partition 7: 0011 0000 | 011 111 00 ...
        Sgtin96.TryDecode("307C257BF7194E4000001A85", out _, out var error).ShouldBeFalse();
        error.ShouldContain("Partition value 7");
    }

    [Fact]
    public void A_company_prefix_with_more_digits_than_its_partition_allows_is_refused()
    {
        // Partition 6: a 20-bit company prefix of 6 digits; all ones is 1048575, seven digits.
        var hex = Bits(filter: 1, partition: 6, companyPrefix: (1UL << 20) - 1, prefixBits: 20, itemReference: 1, serial: 1);
        Sgtin96.TryDecode(hex, out _, out var error).ShouldBeFalse();
        error.ShouldContain("company prefix 1048575 has more than the 6 digits");
    }

    [Fact]
    public void An_item_reference_with_more_digits_than_its_partition_allows_is_refused()
    {
        // Partition 0: a 4-bit item reference of one digit; 10 has two.
        var hex = Bits(filter: 1, partition: 0, companyPrefix: 614141, prefixBits: 40, itemReference: 10, serial: 1);
        Sgtin96.TryDecode(hex, out _, out var error).ShouldBeFalse();
        error.ShouldContain("item reference 10 has more than the 1 digits");
    }

    [Fact]
    public void The_encoder_refuses_what_does_not_fit_the_tag()
    {
        var gtin = Gtin.Parse("80614141123458");
        Should.Throw<ArgumentOutOfRangeException>(() => Sgtin96.For(gtin, 5, 1, 1));
        Should.Throw<ArgumentOutOfRangeException>(() => Sgtin96.For(gtin, 13, 1, 1));
        Should.Throw<ArgumentOutOfRangeException>(() => Sgtin96.For(gtin, 7, Sgtin96.MaxSerial + 1, 1));
        Should.Throw<ArgumentOutOfRangeException>(() => Sgtin96.For(gtin, 7, -1, 1));
        Should.Throw<ArgumentOutOfRangeException>(() => Sgtin96.For(gtin, 7, 1, 8));
    }

    [Theory]
    [InlineData("3074257BF7194E4000001A85", true)]
    [InlineData("3074257bf7194e4000001a85", true)]
    [InlineData("3074257BF7194E4000001A8", false)]
    [InlineData("3074257BF7194E4000001A8Z", false)]
    public void The_shape_of_an_epc_is_24_hexadecimal_digits(string code, bool shaped) =>
        Sgtin96.HasEpcShape(code).ShouldBe(shaped);

    private static string Bits(int filter, int partition, ulong companyPrefix, int prefixBits, ulong itemReference, ulong serial)
    {
        var itemBits = 44 - prefixBits;
        var bits = ((UInt128)0x30 << 88) | ((UInt128)(uint)filter << 85) | ((UInt128)(uint)partition << 82)
            | ((UInt128)companyPrefix << (38 + itemBits)) | ((UInt128)itemReference << 38) | serial;
        return bits.ToString("X24", System.Globalization.CultureInfo.InvariantCulture);
    }
}
