using OrderHub.BuildingBlocks.Scanning;

namespace OrderHub.BuildingBlocks.Tests.Scanning;

public sealed class GtinTests
{
    [Theory]
    [InlineData("4006381333931", "04006381333931")]
    [InlineData("036000291452", "00036000291452")]
    [InlineData("96385074", "00000096385074")]
    [InlineData("80614141123458", "80614141123458")]
    [InlineData("00036000291452", "00036000291452")]
    public void Worked_examples_of_the_general_specifications_parse_to_their_gtin_14(string code, string gtin14)
    {
        Gtin.TryParse(code, out var gtin, out var error).ShouldBeTrue(error);
        gtin.Value.ShouldBe(gtin14);
        gtin.ToString().ShouldBe(gtin14);
    }

    [Theory]
    [InlineData("400638133393", '1')]
    [InlineData("03600029145", '2')]
    [InlineData("9638507", '4')]
    [InlineData("8061414112345", '8')]
    public void The_check_digit_weighs_digits_three_and_one_from_the_right(string digits, char check) =>
        Gtin.CheckDigit(digits).ShouldBe(check);

    [Fact]
    public void A_gtin_printed_in_different_lengths_is_the_same_gtin()
    {
        Gtin.Parse("036000291452").ShouldBe(Gtin.Parse("0036000291452"));
        Gtin.Parse("036000291452").ShouldBe(Gtin.Parse("00036000291452"));
        Gtin.FromDigitsWithoutCheck("03600029145").ShouldBe(Gtin.Parse("036000291452"));
    }

    [Theory]
    [InlineData("4006381333932", "should be 1, not 2")]
    [InlineData("036000291453", "should be 2, not 3")]
    [InlineData("96385075", "should be 4, not 5")]
    [InlineData("80614141123459", "should be 8, not 9")]
    public void A_wrong_check_digit_is_refused_with_the_right_one_named(string code, string reason)
    {
        Gtin.TryParse(code, out _, out var error).ShouldBeFalse();
        error.ShouldContain(reason);
        Gtin.HasGtinShape(code).ShouldBeTrue();
        Should.Throw<FormatException>(() => Gtin.Parse(code));
    }

    [Theory]
    [InlineData("400638133393a", "digits only")]
    [InlineData(" 4006381333931", "digits only")]
    [InlineData("", "digits only")]
    [InlineData(null, "digits only")]
    [InlineData("１２３４５６７８", "digits only")]
    [InlineData("1234567", "not 7")]
    [InlineData("12345678901", "not 11")]
    [InlineData("123456789012345", "not 15")]
    public void Anything_but_8_12_13_or_14_digits_is_refused(string? code, string reason)
    {
        Gtin.TryParse(code, out _, out var error).ShouldBeFalse();
        error.ShouldContain(reason);
        Gtin.HasGtinShape(code).ShouldBeFalse();
    }

    [Fact]
    public void The_forms_of_a_gtin_are_every_length_its_leading_zeros_allow()
    {
        Gtin.Parse("96385074").Forms().ShouldBe(["00000096385074", "0000096385074", "000096385074", "96385074"]);
        Gtin.Parse("036000291452").Forms().ShouldBe(["00036000291452", "0036000291452", "036000291452"]);
        Gtin.Parse("4006381333931").Forms().ShouldBe(["04006381333931", "4006381333931"]);
        Gtin.Parse("80614141123458").Forms().ShouldBe(["80614141123458"]);
    }
}
