namespace OrderHub.Notifications.Tests;

public sealed class RetryScheduleTests
{
    private readonly WebhookOptions _schedule = Messages.Schedule();

    [Fact]
    public void The_first_retry_waits_the_first_delay() =>
        _schedule.DelayAfter(1).ShouldBe(TimeSpan.FromSeconds(10));

    [Fact]
    public void Each_further_retry_waits_twice_as_long_as_the_one_before() =>
        Enumerable.Range(1, 3).Select(_schedule.DelayAfter).ShouldBe([TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(40)]);

    [Fact]
    public void No_retry_waits_longer_than_the_cap()
    {
        _schedule.DelayAfter(4).ShouldBe(TimeSpan.FromMinutes(1));
        _schedule.DelayAfter(60).ShouldBe(TimeSpan.FromMinutes(1), "a huge attempt count neither overflows nor exceeds the cap");
    }

    [Fact]
    public void Emails_and_webhooks_have_their_own_default_first_delay()
    {
        new NotificationOptions().DelayAfter(1).ShouldBe(TimeSpan.FromSeconds(30));
        new WebhookOptions().DelayAfter(1).ShouldBe(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Both_channels_keep_trying_for_a_day_by_default()
    {
        new NotificationOptions().RetryFor.ShouldBe(TimeSpan.FromHours(24));
        new WebhookOptions().RetryFor.ShouldBe(TimeSpan.FromHours(24));
    }
}
