using OrderHub.Returns.Domain;

namespace OrderHub.Returns.Tests;

public sealed class ReturnTrackingNumberTests
{
    [Theory]
    [InlineData(1L, "RT0000000017")]
    [InlineData(123L, "RT0000001236")]
    [InlineData(999_999_999L, "RT9999999999")]
    [InlineData(12_345_678_901L, "RT123456789012")]
    public void A_tracking_number_is_RT_the_sequence_number_and_a_check_digit(long sequenceNumber, string trackingNumber)
    {
        ReturnTrackingNumber.For(sequenceNumber).ShouldBe(trackingNumber);
        ReturnTrackingNumber.TryRead(trackingNumber, out var read).ShouldBeTrue();
        read.ShouldBe(sequenceNumber);
    }

    [Fact]
    public void A_scanned_tracking_number_is_read_in_any_case_and_without_blanks()
    {
        ReturnTrackingNumber.TryRead(" rt0000001236 ", out var read).ShouldBeTrue();
        read.ShouldBe(123);
    }

    [Theory]
    [InlineData("RT0000001237")]
    [InlineData("RT000001236")]
    [InlineData("RX0000001236")]
    [InlineData("RT00000012A6")]
    [InlineData("RMA-000123")]
    [InlineData("")]
    [InlineData(null)]
    public void A_code_that_is_not_one_of_our_tracking_numbers_is_not_read(string? code) =>
        ReturnTrackingNumber.TryRead(code, out _).ShouldBeFalse();
}
