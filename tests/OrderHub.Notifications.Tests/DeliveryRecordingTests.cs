using OrderHub.Notifications.Contracts;

namespace OrderHub.Notifications.Tests;

public sealed class DeliveryRecordingTests
{
    private readonly WebhookOptions _schedule = Messages.Schedule();

    [Theory]
    [InlineData(200)]
    [InlineData(202)]
    [InlineData(299)]
    public void Any_2xx_answer_delivers(int code)
    {
        var delivery = Messages.Delivery(_schedule);

        delivery.RecordResponse(code, null, TimeSpan.FromMilliseconds(40), Messages.Created, _schedule);

        delivery.Status.ShouldBe(DeliveryStatus.Sent);
        delivery.LastResponseCode.ShouldBe(code);
    }

    [Theory]
    [InlineData(301)]
    [InlineData(410)]
    [InlineData(500)]
    public void Any_other_answer_is_a_failed_attempt_naming_the_code(int code)
    {
        var delivery = Messages.Delivery(_schedule);

        delivery.RecordResponse(code, null, TimeSpan.FromMilliseconds(40), Messages.Created, _schedule);

        delivery.Status.ShouldBe(DeliveryStatus.Pending);
        delivery.LastResponseCode.ShouldBe(code);
        delivery.LastError.ShouldBe($"The receiver answered HTTP {code}.");
        delivery.NextAttemptAt.ShouldBe(Messages.Created + _schedule.FirstRetryDelay);
    }

    [Fact]
    public void No_answer_records_the_error_without_a_response_code()
    {
        var delivery = Messages.Delivery(_schedule);

        delivery.RecordResponse(null, "The receiver did not answer within 15 s.", TimeSpan.FromSeconds(15), Messages.Created, _schedule);

        delivery.LastResponseCode.ShouldBeNull();
        delivery.LastError.ShouldBe("The receiver did not answer within 15 s.");
        var attempt = delivery.AttemptLog.ShouldHaveSingleItem();
        attempt.ResponseCode.ShouldBeNull();
        attempt.Error.ShouldBe("The receiver did not answer within 15 s.");
        attempt.DurationMs.ShouldBe(15_000);
    }

    [Fact]
    public void Every_attempt_is_logged_in_order_with_its_time_code_and_duration()
    {
        var delivery = Messages.Delivery(_schedule);
        var first = Messages.Created;
        var second = first.AddSeconds(10);

        delivery.RecordResponse(500, null, TimeSpan.FromMilliseconds(12), first, _schedule);
        delivery.RecordResponse(200, null, TimeSpan.FromMilliseconds(34), second, _schedule);

        delivery.Attempts.ShouldBe(2);
        delivery.AttemptLog.Select(a => (a.Number, a.AttemptedAt, a.ResponseCode, a.DurationMs))
            .ShouldBe([(1, first, (int?)500, 12), (2, second, (int?)200, 34)]);
        delivery.AttemptLog.ShouldAllBe(a => a.DeliveryId == delivery.Id);
    }

    [Fact]
    public void The_last_response_code_is_that_of_the_latest_attempt()
    {
        var delivery = Messages.Delivery(_schedule);

        delivery.RecordResponse(500, null, TimeSpan.Zero, Messages.Created, _schedule);
        delivery.RecordResponse(null, "Connection refused", TimeSpan.Zero, Messages.Created.AddSeconds(10), _schedule);

        delivery.LastResponseCode.ShouldBeNull();
    }

    [Fact]
    public void A_long_error_in_the_attempt_log_is_cut_to_the_stored_length()
    {
        var delivery = Messages.Delivery(_schedule);

        delivery.RecordResponse(null, new string('e', 3000), TimeSpan.Zero, Messages.Created, _schedule);

        delivery.AttemptLog.ShouldHaveSingleItem().Error!.Length.ShouldBe(Domain.OutgoingMessage.MaxErrorLength);
    }
}
