using System.Net;
using System.Text.Json;
using OrderHub.IntegrationTests.Infrastructure;

namespace OrderHub.IntegrationTests.Notifications;

/// <summary>What the notification log shows about emails sent to a scenario app's SMTP server.</summary>
internal static class SmtpScenarios
{
    public static string NewEmail(string name) => $"{name}-{Guid.NewGuid():N}@example.test";

    /// <summary>Publishes an order confirmation for each recipient, in this order.</summary>
    public static async Task ConfirmOrdersForAsync(this SmtpScenarioApp app, params string[] recipients)
    {
        foreach (var recipient in recipients)
        {
            await app.PublishAsync(OrderEventFactory.Confirmed(OrderEventFactory.Order(recipient)));
        }
    }

    public static async Task<JsonElement> NotificationToAsync(this SmtpScenarioApp app, string recipient)
    {
        using var admin = app.Admin();
        var log = await (await admin.GetAsync($"/api/v1/notifications?customerEmail={Uri.EscapeDataString(recipient)}")).ShouldBeAsync(HttpStatusCode.OK);
        return log.GetProperty("items").EnumerateArray().SingleOrDefault();
    }

    /// <summary>Waits until the email to <paramref name="recipient"/> has been attempted <paramref name="attempts"/> times, and returns its log entry.</summary>
    public static async Task<JsonElement> AttemptedAsync(this SmtpScenarioApp app, string recipient, int attempts = 1)
    {
        JsonElement entry = default;
        await Eventually.HoldsAsync(async () =>
        {
            entry = await app.NotificationToAsync(recipient);
            return entry.ValueKind == JsonValueKind.Object && entry.GetProperty("attempts").GetInt32() >= attempts;
        }, $"the email to {recipient} is attempted {attempts} time(s)");
        entry.GetProperty("attempts").GetInt32().ShouldBe(attempts);
        return entry;
    }

    public static async Task<ReceivedEmail> ReceivedByAsync(this SmtpSink smtp, string recipient)
    {
        await Eventually.HoldsAsync(() => Task.FromResult(smtp.ReceivedBy(recipient).Count > 0), $"an email reaches {recipient}");
        return smtp.ReceivedBy(recipient).ShouldHaveSingleItem();
    }

    public static void ShouldBeSent(this JsonElement entry)
    {
        entry.GetProperty("status").GetString().ShouldBe("Sent", entry.GetProperty("lastError").GetString());
        entry.GetProperty("lastError").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    public static string ShouldWaitForRetry(this JsonElement entry)
    {
        entry.GetProperty("status").GetString().ShouldBe("Pending");
        entry.GetProperty("nextAttemptAt").ValueKind.ShouldBe(JsonValueKind.String);
        return entry.GetProperty("lastError").GetString().ShouldNotBeNull();
    }
}

public sealed class SmtpBatchTests(PlainSmtpApp app) : IntegrationTest<PlainSmtpApp>(app)
{
    [Fact]
    public async Task Emails_held_up_by_a_refused_connection_say_so_and_then_go_out_together_over_one_connection()
    {
        var recipients = Enumerable.Range(1, 5).Select(i => SmtpScenarios.NewEmail($"batch{i}")).ToArray();
        await App.ConfirmOrdersForAsync(recipients);
        foreach (var recipient in recipients)
        {
            (await App.AttemptedAsync(recipient)).ShouldWaitForRetry().ShouldBe($"connection refused to 127.0.0.1:{App.SmtpPort}");
        }

        await using var smtp = await App.StartSmtpAsync();
        App.SendEverythingDue();

        var received = new List<ReceivedEmail>();
        foreach (var recipient in recipients)
        {
            received.Add(await smtp.ReceivedByAsync(recipient));
        }

        received.Select(m => m.Connection).Distinct().ShouldHaveSingleItem("one SMTP connection carries the whole batch");
        foreach (var recipient in recipients)
        {
            (await App.AttemptedAsync(recipient, attempts: 2)).ShouldBeSent();
        }
    }

    [Fact]
    public async Task A_recipient_the_server_refuses_for_good_is_dead_with_the_server_s_answer_and_the_rest_of_the_batch_goes_out()
    {
        var refused = SmtpScenarios.NewEmail("nobody");
        var accepted = new[] { SmtpScenarios.NewEmail("first"), SmtpScenarios.NewEmail("second") };
        await App.ConfirmOrdersForAsync(refused, accepted[0], accepted[1]);
        await App.AttemptedAsync(accepted[1]);

        await using var smtp = await App.StartSmtpAsync(new SmtpSinkOptions { RejectRecipientsStartingWith = "nobody-" });
        App.SendEverythingDue();

        var dead = await App.AttemptedAsync(refused, attempts: 2);
        dead.GetProperty("status").GetString().ShouldBe("Dead", "a 5xx for the recipient will not change on a retry");
        dead.GetProperty("nextAttemptAt").ValueKind.ShouldBe(JsonValueKind.Null);
        dead.GetProperty("lastError").GetString().ShouldBe($"SMTP 550 recipient <{refused}> rejected: 5.1.1 <{refused}>: mailbox unavailable");
        var received = new List<ReceivedEmail>();
        foreach (var recipient in accepted)
        {
            received.Add(await smtp.ReceivedByAsync(recipient));
            (await App.AttemptedAsync(recipient, attempts: 2)).ShouldBeSent();
        }

        received.Select(m => m.Connection).Distinct().ShouldHaveSingleItem("the refusal leaves the connection usable for the next email");
        smtp.ReceivedBy(refused).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_server_that_hangs_up_after_two_emails_gets_the_rest_over_new_connections_without_a_failed_attempt()
    {
        var recipients = Enumerable.Range(1, 5).Select(i => SmtpScenarios.NewEmail($"limited{i}")).ToArray();
        await App.ConfirmOrdersForAsync(recipients);
        await App.AttemptedAsync(recipients[^1]);

        await using var smtp = await App.StartSmtpAsync(new SmtpSinkOptions { MaxMessagesPerConnection = 2 });
        App.SendEverythingDue();

        var received = new List<ReceivedEmail>();
        foreach (var recipient in recipients)
        {
            received.Add(await smtp.ReceivedByAsync(recipient));
            (await App.AttemptedAsync(recipient, attempts: 2)).ShouldBeSent();
        }

        received.GroupBy(m => m.Connection).Select(g => g.Count()).ShouldBe([2, 2, 1], ignoreOrder: true);
    }
}

public sealed class SmtpAuthenticationTests(AuthenticatingSmtpApp app) : IntegrationTest<AuthenticatingSmtpApp>(app)
{
    [Fact]
    public async Task The_configured_login_authenticates_the_connection_that_carries_the_email()
    {
        await using var smtp = await App.StartSmtpAsync(new SmtpSinkOptions { Credentials = (AuthenticatingSmtpApp.User, AuthenticatingSmtpApp.Password) });
        var recipient = SmtpScenarios.NewEmail("login");
        await App.ConfirmOrdersForAsync(recipient);

        (await smtp.ReceivedByAsync(recipient)).AuthenticatedAs.ShouldBe(AuthenticatingSmtpApp.User);
        (await App.AttemptedAsync(recipient)).ShouldBeSent();
    }

    [Fact]
    public async Task A_login_the_server_refuses_is_recorded_as_an_authentication_failure_and_retried()
    {
        var recipient = SmtpScenarios.NewEmail("badlogin");
        await using (var smtp = await App.StartSmtpAsync(new SmtpSinkOptions { Credentials = (AuthenticatingSmtpApp.User, "another-password") }))
        {
            await App.ConfirmOrdersForAsync(recipient);
            var error = (await App.AttemptedAsync(recipient)).ShouldWaitForRetry();
            error.ShouldStartWith($"authentication failed for user '{AuthenticatingSmtpApp.User}' at 127.0.0.1:{App.SmtpPort}: ");
            error.ShouldContain("Authentication credentials invalid");
            smtp.Received().ShouldBeEmpty();
        }

        await using var fixedServer = await App.StartSmtpAsync(new SmtpSinkOptions { Credentials = (AuthenticatingSmtpApp.User, AuthenticatingSmtpApp.Password) });
        App.SendEverythingDue();
        await fixedServer.ReceivedByAsync(recipient);
        (await App.AttemptedAsync(recipient, attempts: 2)).ShouldBeSent();
    }
}

public sealed class StartTlsTests(StartTlsSmtpApp app) : IntegrationTest<StartTlsSmtpApp>(app)
{
    [Fact]
    public async Task Emails_go_out_over_STARTTLS_to_a_server_whose_pinned_self_signed_certificate_is_accepted()
    {
        await using var smtp = await App.StartSmtpAsync(new SmtpSinkOptions { StartTls = App.Certificate });
        var recipient = SmtpScenarios.NewEmail("starttls");
        await App.ConfirmOrdersForAsync(recipient);

        var mail = await smtp.ReceivedByAsync(recipient);
        mail.Tls.ShouldBeTrue();
        mail.ContentType.ShouldBe("multipart/alternative");
        mail.Part("text/plain").ShouldContain("Thank you for your order.");
        (await App.AttemptedAsync(recipient)).ShouldBeSent();
    }

    [Fact]
    public async Task A_certificate_other_than_the_pinned_one_fails_the_TLS_handshake_with_its_thumbprint_recorded()
    {
        using var impostor = TestCertificate.Create();
        await using var smtp = await App.StartSmtpAsync(new SmtpSinkOptions { StartTls = impostor });
        var recipient = SmtpScenarios.NewEmail("impostor");
        await App.ConfirmOrdersForAsync(recipient);

        var error = (await App.AttemptedAsync(recipient)).ShouldWaitForRetry();
        error.ShouldStartWith($"TLS handshake failed with 127.0.0.1:{App.SmtpPort}: the server certificate CN=smtp.orderhub.test (SHA-256 {impostor.Sha256Thumbprint}) is not accepted: ");
        error.ShouldContain("RemoteCertificateChainErrors");
        smtp.Received().ShouldBeEmpty();
    }

    [Fact]
    public async Task A_server_without_STARTTLS_gets_no_email_when_STARTTLS_is_required()
    {
        await using var smtp = await App.StartSmtpAsync();
        var recipient = SmtpScenarios.NewEmail("plaintext");
        await App.ConfirmOrdersForAsync(recipient);

        var error = (await App.AttemptedAsync(recipient)).ShouldWaitForRetry();
        error.ShouldStartWith($"127.0.0.1:{App.SmtpPort} cannot be used as configured (Security StartTls): ");
        error.ShouldContain("STARTTLS");
        smtp.Received().ShouldBeEmpty();
    }
}

public sealed class ImplicitTlsTests(ImplicitTlsSmtpApp app) : IntegrationTest<ImplicitTlsSmtpApp>(app)
{
    [Fact]
    public async Task Emails_go_out_over_TLS_from_the_first_byte_to_a_server_whose_pinned_certificate_is_accepted()
    {
        await using var smtp = await App.StartSmtpAsync(new SmtpSinkOptions { ImplicitTls = App.Certificate });
        var recipient = SmtpScenarios.NewEmail("smtps");
        await App.ConfirmOrdersForAsync(recipient);

        var mail = await smtp.ReceivedByAsync(recipient);
        mail.Tls.ShouldBeTrue();
        mail.MailFrom.ShouldBe(SmtpScenarioApp.Sender);
        (await App.AttemptedAsync(recipient)).ShouldBeSent();
    }
}
