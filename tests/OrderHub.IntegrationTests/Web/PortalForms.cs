using System.Net;
using OrderHub.IntegrationTests.Returns;

namespace OrderHub.IntegrationTests.Web;

/// <summary>The portal's forms posted as a browser without script posts them: with the anti-forgery token of the page.</summary>
public static class PortalForms
{
    public static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    /// <summary>Loads the form's page for its anti-forgery token, then posts the fields with it.</summary>
    public static Task<HttpResponseMessage> PostFormAsync(HttpClient browser, string action, params (string Name, string Value)[] fields) =>
        PostFormAsync(browser, action, action, fields);

    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient browser, string action, string formPage, params (string Name, string Value)[] fields)
    {
        var page = await (await browser.GetAsync(formPage)).Content.ReadAsStringAsync();
        return await browser.PostAsync(action, Form([.. fields, ("__RequestVerificationToken", PageAssertions.AntiforgeryToken(page))]));
    }

    /// <summary>Opens a portal session for the order with its number and email, as the start page does.</summary>
    public static async Task OpenSessionAsync(HttpClient browser, ReturnScenario.DeliveredOrder order) =>
        (await PostFormAsync(browser, "/returns", ("OrderNumber", order.Number), ("Email", order.Email))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
}
