using OrderHub.Notifications.Domain;
using OrderHub.Notifications.Templates;

namespace OrderHub.Notifications.Tests;

public sealed class EmailTemplatesTests
{
    private static readonly MessageReference Order = new("shop-eu", Guid.NewGuid(), "OH-000123");

    private static RenderedEmail Confirmation(string language, string name = "Marie") =>
        EmailTemplates.Render("order.confirmed", language, new EmailModel(name, Order, [], [("TSHIRT-M", 2)]));

    [Theory]
    [InlineData("fr", "fr")]
    [InlineData("fr-FR", "fr")]
    [InlineData("PL_pl", "pl")]
    [InlineData("zh-Hans-CN", "zh")]
    [InlineData("de-DE", "en")]
    [InlineData("", "en")]
    [InlineData(null, "en")]
    public void The_language_part_of_the_locale_picks_the_templates_else_English(string? locale, string language) =>
        EmailTemplates.LanguageFor(locale).ShouldBe(language);

    [Theory]
    [InlineData("en", "Your order OH-000123 is confirmed")]
    [InlineData("fr", "Votre commande OH-000123 est confirmée")]
    [InlineData("pl", "Twoje zamówienie OH-000123 zostało potwierdzone")]
    [InlineData("zh", "您的订单 OH-000123 已确认")]
    public void Each_language_writes_the_subject_with_the_order_number(string language, string subject) =>
        Confirmation(language).Subject.ShouldBe(subject);

    [Fact]
    public void The_text_greets_the_customer_lists_the_number_and_the_items()
    {
        var text = Confirmation("fr", "Marie Dupont").Text;

        text.ShouldStartWith("Bonjour Marie Dupont,");
        text.ShouldContain("Numéro de commande: OH-000123");
        text.ShouldContain("- TSHIRT-M × 2");
    }

    [Fact]
    public void The_html_names_its_language_and_escapes_markup_in_what_the_customer_typed()
    {
        var html = Confirmation("pl", "<b>Ola</b>").Html;

        html.ShouldContain("<html lang=\"pl\">");
        html.ShouldContain("&lt;b&gt;Ola&lt;/b&gt;");
        html.ShouldNotContain("<b>Ola</b>");
    }

    [Fact]
    public void Dates_are_written_the_way_the_language_writes_them()
    {
        var delivered = new DateTime(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);

        var text = EmailTemplates.Render("order.delivered", "fr", new EmailModel("Marie", Order, [("deliveredAt", delivered)], [])).Text;

        text.ShouldContain("1 mars 2026");
    }

    [Fact]
    public void A_return_email_states_the_RMA_number_as_well_as_the_order_number()
    {
        var rma = new MessageReference("shop-eu", Guid.NewGuid(), "OH-000123", Guid.NewGuid(), "RMA-000042");

        var email = EmailTemplates.Render("return.received", "en", new EmailModel("Marie", rma, [], []));

        email.Subject.ShouldContain("RMA-000042");
        email.Text.ShouldContain("OH-000123");
    }

    [Fact]
    public void An_unknown_template_is_refused() =>
        Should.Throw<InvalidOperationException>(() => EmailTemplates.Render("order.exploded", "en", new EmailModel("Marie", Order, [], [])));
}
