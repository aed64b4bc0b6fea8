using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using OrderHub.IntegrationTests.Infrastructure;
using OrderHub.IntegrationTests.Returns;

namespace OrderHub.IntegrationTests.Platform;

/// <summary>Bad input gets a 400 that names the field by its JSON path and says what it must be, never a 500.</summary>
public sealed partial class InputHandlingTests(OrderHubApp app) : IntegrationTest(app)
{
    private static HttpContent Json(string json) => new StringContent(json, Encoding.UTF8, "application/json");

    private static string ReturnBody(string reasonCode) =>
        $$"""{"orderId":"{{Guid.NewGuid()}}","lines":[{"orderLineId":"{{Guid.NewGuid()}}","quantity":1,"reasonCode":{{reasonCode}}}],"resolution":"Refund"}""";

    private static string OrderBody(string line) =>
        $$"""
        {"customer":{"email":"a@example.com","name":"A"},"shippingAddress":{"line1":"1 Road","city":"Lyon","postalCode":"69001","country":"FR"},
         "currency":"EUR","lines":[{{line}}]}
        """;

    /// <summary>The 400 problem's message for <paramref name="field"/>, after checking it names the field and no .NET type.</summary>
    private static async Task<string> FieldErrorAsync(HttpResponseMessage response, string field)
    {
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var raw = problem.GetRawText();
        NoTypeNames().IsMatch(raw).ShouldBeFalse(raw);
        problem.GetProperty("detail").GetString()!.ShouldContain(field, Case.Sensitive, raw);
        var errors = problem.GetProperty("errors");
        errors.TryGetProperty(field, out var messages).ShouldBeTrue(raw);
        return messages[0].GetString()!;
    }

    [Fact]
    public async Task Unknown_reason_code_is_a_400_naming_the_field_and_listing_the_allowed_values()
    {
        using var staff = App.Admin();

        var message = await FieldErrorAsync(await staff.PostAsync("/api/v1/returns", Json(ReturnBody("\"Bogus\""))), "lines[0].reasonCode");

        message.ShouldStartWith("lines[0].reasonCode must be one of:");
        foreach (var reason in new[] { "TooSmall", "TooLarge", "NotAsDescribed", "Damaged", "Defective", "WrongItem", "ArrivedLate", "ChangedMind", "Other" })
        {
            message.ShouldContain(reason);
        }
    }

    [Fact]
    public async Task A_numeric_enum_value_is_a_400_listing_the_allowed_string_values()
    {
        using var staff = App.Admin();

        var message = await FieldErrorAsync(await staff.PostAsync("/api/v1/returns", Json(ReturnBody("7"))), "lines[0].reasonCode");

        message.ShouldContain("ChangedMind");
    }

    [Fact]
    public async Task A_price_too_large_for_any_amount_is_a_400_naming_the_field()
    {
        using var staff = App.Admin();

        var message = await FieldErrorAsync(
            await staff.PostAsync("/api/v1/orders", Json(OrderBody("""{"sku":"A","quantity":1,"unitPrice":1e30}"""))), "lines[0].unitPrice");

        message.ShouldContain("must be a number between");
    }

    [Fact]
    public async Task A_quantity_beyond_a_whole_number_range_or_of_the_wrong_type_is_a_400_naming_the_field()
    {
        using var staff = App.Admin();

        (await FieldErrorAsync(await staff.PostAsync("/api/v1/orders", Json(OrderBody("""{"sku":"A","quantity":3000000000,"unitPrice":1}"""))), "lines[0].quantity"))
            .ShouldBe("lines[0].quantity must be a whole number between -2147483648 and 2147483647.");
        (await FieldErrorAsync(await staff.PostAsync("/api/v1/orders", Json(OrderBody("""{"sku":"A","quantity":"two","unitPrice":1}"""))), "lines[0].quantity"))
            .ShouldStartWith("lines[0].quantity must be a whole number");
        (await FieldErrorAsync(await staff.PostAsync("/api/v1/skus", Json("""{"sku":"A","name":5,"category":"c"}""")), "name"))
            .ShouldBe("name must be a string.");
    }

    [Fact]
    public async Task An_object_where_a_list_belongs_is_a_400_naming_the_field()
    {
        using var staff = App.Admin();

        var message = await FieldErrorAsync(await staff.PostAsync("/api/v1/returns/00000000-0000-0000-0000-000000000001/inspection", Json("""{"lines":{}}""")), "lines");

        message.ShouldBe("lines must be an array.");
    }

    [Fact]
    public async Task Malformed_json_is_a_400_that_says_where()
    {
        using var staff = App.Admin();

        var problem = await (await staff.PostAsync("/api/v1/skus", Json("{\"sku\":\"A\",\n\"name\": }"))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.GetProperty("detail").GetString()!.ShouldContain("not valid JSON at line 2");
    }

    [Fact]
    public async Task Trailing_data_after_the_json_body_is_a_400()
    {
        using var staff = App.Admin();

        var problem = await (await staff.PostAsync("/api/v1/skus", Json("""{"sku":"A","name":"B","category":"c"} trailing"""))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.GetProperty("detail").GetString()!.ShouldContain("not valid JSON");
    }

    [Fact]
    public async Task A_nul_character_in_a_string_field_is_a_400_naming_the_field_and_nothing_is_stored()
    {
        using var staff = App.Admin();

        var message = await FieldErrorAsync(await staff.PostAsync("/api/v1/skus", Json("""{"sku":"NUL-1","name":"a\u0000b","category":"c"}""")), "name");

        message.ShouldContain("control characters");
        (await staff.GetAsync("/api/v1/skus/NUL-1")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_nul_character_in_a_query_value_is_a_400_naming_it()
    {
        using var staff = App.Admin();

        (await FieldErrorAsync(await staff.GetAsync("/api/v1/orders?customerEmail=a%00b"), "customerEmail")).ShouldContain("control characters");
    }

    [Fact]
    public async Task A_page_beyond_any_offset_is_an_empty_page()
    {
        using var staff = App.Admin();
        await StockSetup.SkuAsync(staff, "PAGED");

        var page = await (await staff.GetAsync("/api/v1/skus?page=2147483647&pageSize=200")).ShouldBeAsync(HttpStatusCode.OK);

        page.GetProperty("items").GetArrayLength().ShouldBe(0);
        page.GetProperty("page").GetInt32().ShouldBe(int.MaxValue);
        page.GetProperty("totalCount").GetInt32().ShouldBe(1);
    }

    [Theory]
    [InlineData("/api/v1/orders", """{"currency":"EUR","lines":[null]}""")]
    [InlineData("/api/v1/returns", """{"orderId":"00000000-0000-0000-0000-000000000001","resolution":"Refund","lines":[null]}""")]
    [InlineData("/api/v1/orders/00000000-0000-0000-0000-000000000001/shipments", """{"lines":[null]}""")]
    [InlineData("/api/v1/returns/00000000-0000-0000-0000-000000000001/inspection", """{"lines":[null]}""")]
    public async Task A_null_line_is_a_400_naming_it(string route, string body)
    {
        using var staff = App.Admin();

        var message = await FieldErrorAsync(await staff.PostAsync(route, Json(body)), "lines[0]");

        message.ShouldBe("lines[0] must be an object, not null.");
    }

    [Theory]
    [InlineData("/api/v1/inventory/receipts", "null")]
    [InlineData("/api/v1/inventory/receipts", "")]
    [InlineData("/api/v1/inventory/adjustments", "null")]
    [InlineData("/api/v1/inventory/adjustments", "")]
    [InlineData("/api/v1/inventory/transfers", "null")]
    [InlineData("/api/v1/inventory/transfers", "")]
    [InlineData("/api/v1/skus", "null")]
    [InlineData("/api/v1/skus", "")]
    public async Task A_missing_or_null_body_is_a_400_saying_a_json_body_is_required(string route, string body)
    {
        using var staff = App.Admin();

        var problem = await (await staff.PostAsync(route, Json(body))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.GetProperty("detail").GetString().ShouldBe("A JSON body is required.");
        problem.GetProperty("errors").GetProperty("body")[0].GetString().ShouldBe("A JSON body is required.");
    }

    [Fact]
    public async Task Validation_messages_name_fields_as_they_are_written_in_json()
    {
        using var staff = App.Admin();

        var problem = await (await staff.PostAsJsonAsync("/api/v1/returns/receipts", new { rmaNumber = "" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        var message = problem.GetProperty("errors").GetProperty("rmaNumber")[0].GetString()!;
        message.ShouldContain("'rmaNumber'");
        message.ShouldNotContain("Rma Number", Case.Insensitive);
    }

    [Fact]
    public async Task A_bogus_portal_token_is_said_to_be_unknown_or_expired()
    {
        using var client = App.Anonymous();
        client.DefaultRequestHeaders.Add("X-Portal-Token", "bogus-token");

        var problem = await (await client.GetAsync($"/api/v1/orders/{Guid.NewGuid()}/returnable-lines")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);

        var detail = problem.GetProperty("detail").GetString()!;
        detail.ShouldContain("X-Portal-Token is unknown or has expired");
        detail.ShouldNotContain("API key", Case.Insensitive);
    }

    [Fact]
    public async Task Every_amount_of_money_is_written_with_two_decimals_and_percentages_keep_theirs()
    {
        using var scenario = await ReturnScenario.StartAsync(App, ("ROUND", 5));
        await scenario.PolicyAsync(policy =>
        {
            policy["restockingFeePercent"] = 12.345m;
            policy["returnShippingFee"] = 5;
        });
        var order = await scenario.DeliveredOrderAsync(("ROUND", 2));

        var created = await scenario.RequestAsync(order, "Refund", [("ROUND", 1, "ChangedMind")]);
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var rma = await created.Content.ReadAsStringAsync();
        var policyJson = await scenario.Staff.GetStringAsync("/api/v1/return-policy");
        var sku = await scenario.Staff.GetStringAsync("/api/v1/skus/ROUND");

        var estimate = RefundEstimate().Match(rma).Value;
        estimate.ShouldNotBeEmpty(rma);
        foreach (var amount in new[] { "itemsValue", "restockingFee", "shippingFee", "storeCreditBonus", "total" })
        {
            estimate.ShouldMatch($"\"{amount}\":-?\\d+\\.\\d\\d[,}}]");
        }

        rma.ShouldMatch("\"unitPrice\":19\\.99[,}]");
        rma.ShouldMatch("\"refundAmount\":\\d+\\.\\d\\d[,}]");
        policyJson.ShouldContain("\"returnShippingFee\":5.00");
        policyJson.ShouldContain("\"restockingFeePercent\":12.345");
        sku.ShouldContain("\"unitPrice\":20.00");
    }

    [GeneratedRegex(@"\b(System|Microsoft|OrderHub)\.[A-Z]")]
    private static partial Regex NoTypeNames();

    [GeneratedRegex("\"refundEstimate\":\\{[^}]*\\}")]
    private static partial Regex RefundEstimate();
}
