using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.BuildingBlocks.Modules;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.Orders.Contracts;

namespace OrderHub.IntegrationTests.Notifications;

public sealed class EmailNotificationTests(NotificationsApp app) : IntegrationTest<NotificationsApp>(app)
{
    private static string NewEmail(string name) => $"{name}-{Guid.NewGuid():N}@example.test";

    private async Task<ReceivedEmail> SingleEmailToAsync(string recipient)
    {
        await Eventually.HoldsAsync(() => Task.FromResult(App.Smtp.ReceivedBy(recipient).Count > 0), $"an email reaches {recipient}");
        return App.Smtp.ReceivedBy(recipient).ShouldHaveSingleItem();
    }

    private async Task<JsonElement> NotificationsAsync(string query)
    {
        using var admin = App.Admin();
        return await (await admin.GetAsync($"/api/v1/notifications?{query}")).ShouldBeAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_French_customer_receives_the_confirmation_in_French_as_plain_text_and_html()
    {
        var email = NewEmail("marie");
        var order = OrderEventFactory.Order(email, "Marie Dupont", "fr-FR");
        await App.PublishAsync(OrderEventFactory.Confirmed(order));

        var mail = await SingleEmailToAsync(email);
        mail.RcptTos.ShouldBe([email]);
        mail.MailFrom.ShouldBe(NotificationsApp.Sender);
        mail.To.ShouldContain(email);
        mail.Subject.ShouldBe($"Votre commande {order.Number} est confirmée");
        mail.ContentType.ShouldBe("multipart/alternative");
        mail.ContentLanguage.ShouldBe("fr");
        var text = mail.Part("text/plain");
        text.ShouldContain("Bonjour Marie Dupont,");
        text.ShouldContain($"Nous avons bien reçu la commande {order.Number}");
        text.ShouldContain($"Numéro de commande: {order.Number}");
        text.ShouldContain("TSHIRT-M × 2");
        var html = mail.Part("text/html");
        html.ShouldContain("<html lang=\"fr\">");
        html.ShouldContain($"Nous avons bien reçu la commande {order.Number}");
        html.ShouldContain("<li>TSHIRT-M × 2</li>");

        var logged = (await NotificationsAsync($"orderId={order.OrderId}")).GetProperty("items").EnumerateArray().ShouldHaveSingleItem();
        mail.MessageId.ShouldBe($"<{logged.GetProperty("id").GetGuid():N}@orderhub.test>");
        File.ReadAllText(mail.RawPath).ShouldContain("Message-ID: " + mail.MessageId);
    }

    [Fact]
    public async Task Every_step_of_an_order_is_emailed_with_its_order_number_and_details()
    {
        var email = NewEmail("ada");
        var order = OrderEventFactory.Order(email, "Ada Lovelace");
        await App.PublishAsync(OrderEventFactory.Confirmed(order));
        await App.PublishAsync(OrderEventFactory.Shipped(order));
        await App.PublishAsync(OrderEventFactory.Delivered(order));
        var cancelledEmail = NewEmail("grace");
        var cancelled = OrderEventFactory.Order(cancelledEmail, "Grace Hopper");
        await App.PublishAsync(OrderEventFactory.Cancelled(cancelled, "Customer changed their mind"));

        await Eventually.HoldsAsync(() => Task.FromResult(App.Smtp.ReceivedBy(email).Count == 3), "three emails about the first order");
        var subjects = App.Smtp.ReceivedBy(email).Select(m => m.Subject).ToList();
        subjects.ShouldBe(
            [$"Your order {order.Number} is confirmed", $"Your order {order.Number} is on its way", $"Your order {order.Number} has been delivered"],
            ignoreOrder: true);
        var shipped = App.Smtp.ReceivedBy(email).Single(m => m.Subject.Contains("on its way", StringComparison.Ordinal));
        shipped.Part("text/plain").ShouldContain("Carrier: Colissimo");
        shipped.Part("text/plain").ShouldContain("Tracking number: 6A12345678901");
        foreach (var mail in App.Smtp.ReceivedBy(email))
        {
            mail.Part("text/plain").ShouldContain(order.Number);
            mail.Part("text/html").ShouldContain(order.Number);
        }

        var cancellation = await SingleEmailToAsync(cancelledEmail);
        cancellation.Subject.ShouldBe($"Your order {cancelled.Number} has been cancelled");
        cancellation.Part("text/plain").ShouldContain("Reason: Customer changed their mind");
    }

    [Theory]
    [InlineData("pl-PL", "Twoje zamówienie {0} zostało potwierdzone", "Dziękujemy za zamówienie.")]
    [InlineData("zh-CN", "您的订单 {0} 已确认", "感谢您的订购。")]
    [InlineData("de-DE", "Your order {0} is confirmed", "Thank you for your order.")]
    public async Task The_customer_locale_picks_the_language_and_unknown_languages_fall_back_to_English(string locale, string subject, string phrase)
    {
        var email = NewEmail(locale);
        var order = OrderEventFactory.Order(email, "Jan Kowalski", locale);
        await App.PublishAsync(OrderEventFactory.Confirmed(order));

        var mail = await SingleEmailToAsync(email);
        mail.Subject.ShouldBe(string.Format(System.Globalization.CultureInfo.InvariantCulture, subject, order.Number));
        mail.Part("text/plain").ShouldContain(phrase);
        mail.Part("text/html").ShouldContain(phrase);
    }

    [Fact]
    public async Task The_notification_log_lists_every_sent_message_with_channel_template_locale_and_status()
    {
        var email = NewEmail("log");
        var order = OrderEventFactory.Order(email, "Marie Dupont", "fr");
        await App.PublishAsync(OrderEventFactory.Confirmed(order));
        await App.PublishAsync(OrderEventFactory.Shipped(order, complete: false));
        await App.PublishAsync(OrderEventFactory.Confirmed(OrderEventFactory.Order(NewEmail("other"))));

        await Eventually.HoldsAsync(
            async () => (await NotificationsAsync($"customerEmail={Uri.EscapeDataString(email.ToUpperInvariant())}")).GetProperty("items").EnumerateArray()
                .Count(n => n.GetProperty("status").GetString() == "Sent") == 2,
            "both messages are logged as sent");

        var log = await NotificationsAsync($"customerEmail={Uri.EscapeDataString(email)}");
        log.GetProperty("totalCount").GetInt32().ShouldBe(2);
        var items = log.GetProperty("items").EnumerateArray().ToList();
        items.Select(n => n.GetProperty("template").GetString()).ShouldBe(["order.partially_shipped", "order.confirmed"], ignoreOrder: true);
        foreach (var item in items)
        {
            item.GetProperty("channel").GetString().ShouldBe("Email");
            item.GetProperty("locale").GetString().ShouldBe("fr");
            item.GetProperty("attempts").GetInt32().ShouldBe(1);
            item.GetProperty("sentAt").ValueKind.ShouldBe(JsonValueKind.String);
            item.GetProperty("nextAttemptAt").ValueKind.ShouldBe(JsonValueKind.Null);
            item.GetProperty("recipient").GetString().ShouldBe(email);
            item.GetProperty("orderId").GetGuid().ShouldBe(order.OrderId);
            item.GetProperty("orderNumber").GetString().ShouldBe(order.Number);
            item.GetProperty("subject").GetString()!.ShouldContain(order.Number);
            item.GetProperty("returnId").ValueKind.ShouldBe(JsonValueKind.Null);
            item.GetProperty("rmaNumber").ValueKind.ShouldBe(JsonValueKind.Null);
        }

        (await NotificationsAsync($"orderId={order.OrderId}&pageSize=1")).GetProperty("items").GetArrayLength().ShouldBe(1);
        (await NotificationsAsync($"returnId={Guid.NewGuid()}")).GetProperty("totalCount").GetInt32().ShouldBe(0);
        (await NotificationsAsync(string.Empty)).GetProperty("totalCount").GetInt32().ShouldBe(3);

        using var otherShop = await App.ClientForRoleAsync("storefront", "shop-us");
        var foreign = await (await otherShop.GetAsync($"/api/v1/notifications?orderId={order.OrderId}")).ShouldBeAsync(HttpStatusCode.OK);
        foreign.GetProperty("totalCount").GetInt32().ShouldBe(0, "a storefront sees only its own customers' messages");
        using var anonymous = App.Anonymous();
        await (await anonymous.GetAsync("/api/v1/notifications")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        using var admin = App.Admin();
        await (await admin.GetAsync("/api/v1/notifications?pageSize=500")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_event_whose_transaction_rolled_back_sends_nothing()
    {
        var rolledBack = NewEmail("never");
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var catalog = scope.ServiceProvider.GetRequiredService<ModuleCatalog>();
            var orders = (ModuleDbContext)scope.ServiceProvider.GetRequiredService(catalog.ByName(OrdersContracts.ModuleName).DbContextType);
            await Should.ThrowAsync<InvalidOperationException>(() => scope.ServiceProvider.GetRequiredService<UnitOfWork>().ExecuteAsync(_ =>
            {
                orders.Publish(OrderEventFactory.Confirmed(OrderEventFactory.Order(rolledBack)));
                throw new InvalidOperationException("The order could not be placed.");
            }, CancellationToken.None));
        }

        var committed = NewEmail("later");
        await App.PublishAsync(OrderEventFactory.Confirmed(OrderEventFactory.Order(committed)));
        await SingleEmailToAsync(committed);

        App.Smtp.ReceivedBy(rolledBack).ShouldBeEmpty();
        (await NotificationsAsync($"customerEmail={Uri.EscapeDataString(rolledBack)}")).GetProperty("totalCount").GetInt32().ShouldBe(0);
    }
}
