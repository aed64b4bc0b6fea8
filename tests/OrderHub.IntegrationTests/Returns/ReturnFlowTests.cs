using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrderHub.IntegrationTests.Infrastructure;
using static OrderHub.IntegrationTests.Orders.OrderRequests;

namespace OrderHub.IntegrationTests.Returns;

/// <summary>The whole return flow on a real database, checking the stock figures a warehouse sees at every step.</summary>
public sealed class ReturnFlowTests(OrderHubApp app) : IntegrationTest(app)
{
    private static async Task<(int Available, int NonSellable, int Inbound, int OnHand)> FiguresAsync(HttpClient client, string sku)
    {
        var stock = await StockSetup.StockAsync(client, sku);
        return (stock.GetProperty("available").GetInt32(), stock.GetProperty("nonSellable").GetInt32(),
            stock.GetProperty("inboundReturns").GetInt32(), stock.GetProperty("onHand").GetInt32());
    }

    /// <summary>Stocks W1, places an order for TEE-S×3 and CAP×1, ships and delivers it, and waits until Returns knows it.</summary>
    internal static async Task<JsonElement> DeliveredOrderAsync(OrderHubApp app, HttpClient staff, object? policy = null)
    {
        await StockSetup.StockedAsync(staff, "W1", ("TEE-S", 10), ("CAP", 5), ("TEE-M", 4));
        await (await staff.PutAsJsonAsync("/api/v1/return-policy", policy ?? Policy())).ShouldBeAsync(HttpStatusCode.OK);
        var order = await (await staff.PostAsJsonAsync("/api/v1/orders", Order(("TEE-S", 3), ("CAP", 1)))).ShouldBeAsync(HttpStatusCode.Created);
        var id = order.GetProperty("id").GetGuid();
        await (await staff.PostAsJsonAsync($"/api/v1/orders/{id}/shipments", new
        {
            lines = order.GetProperty("lines").EnumerateArray().Select(l => new { orderLineId = l.GetProperty("id").GetGuid(), quantity = l.GetProperty("quantity").GetInt32() }).ToArray(),
            carrier = "DHL",
        })).ShouldBeAsync(HttpStatusCode.Created);
        await (await staff.PostAsJsonAsync($"/api/v1/orders/{id}/delivery", new { })).ShouldBeAsync(HttpStatusCode.OK);
        await Eventually.HoldsAsync(async () =>
        {
            var response = await staff.GetAsync($"/api/v1/orders/{id}/returnable-lines");
            return response.StatusCode == HttpStatusCode.OK
                && (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().All(l => l.GetProperty("eligible").GetBoolean());
        }, "the Returns module learned of the delivery");
        _ = app;
        return order;
    }

    internal static object Policy(decimal? autoApproveBelow = 1000m, decimal restockingFeePercent = 10m, decimal shippingFee = 4.99m, decimal? keepItBelow = null) => new
    {
        windowDays = 30,
        categoryWindowDays = new Dictionary<string, int>(),
        segmentExtensionDays = new Dictionary<string, int>(),
        nonReturnableCategories = Array.Empty<string>(),
        nonReturnableSkus = Array.Empty<string>(),
        restockingFeePercent,
        returnShippingFee = shippingFee,
        allowedResolutions = new[] { "Refund", "StoreCredit", "Exchange" },
        autoApproveMaxOrderValue = autoApproveBelow,
        keepItThreshold = keepItBelow,
        storeCreditBonusPercent = 10m,
        daysToShip = 14,
        returnWarehouseCode = "W1",
        serialReturnerThresholdPercent = 60m,
        serialReturnerLookbackOrders = 10,
        serialReturnerMinimumOrders = 3,
    };

    private static Guid LineId(JsonElement order, string sku) =>
        order.GetProperty("lines").EnumerateArray().First(l => l.GetProperty("sku").GetString() == sku).GetProperty("id").GetGuid();

    [Fact]
    public async Task A_return_goes_from_request_to_restocked_units_with_the_right_stock_at_every_step()
    {
        using var staff = App.Admin();
        var order = await DeliveredOrderAsync(App, staff);
        (await FiguresAsync(staff, "TEE-S")).ShouldBe((7, 0, 0, 7));
        (await FiguresAsync(staff, "CAP")).ShouldBe((4, 0, 0, 4));

        var created = await staff.PostAsJsonAsync("/api/v1/returns", new
        {
            orderId = order.GetProperty("id").GetGuid(),
            lines = new object[]
            {
                new { orderLineId = LineId(order, "TEE-S"), quantity = 2, reasonCode = "TooSmall" },
                new { orderLineId = LineId(order, "CAP"), quantity = 1, reasonCode = "Defective", comment = "seam split" },
            },
            resolution = "Refund",
        });
        var rma = await created.ShouldBeAsync(HttpStatusCode.Created);
        var id = rma.GetProperty("id").GetGuid();
        rma.GetProperty("rmaNumber").GetString()!.ShouldMatch(@"^RMA-\d{6}$");
        rma.GetProperty("status").GetString().ShouldBe("Approved");
        rma.GetProperty("policyVersion").GetInt32().ShouldBe(2);
        var estimate = rma.GetProperty("refundEstimate");
        estimate.GetProperty("itemsValue").GetDecimal().ShouldBe(59.97m);
        estimate.GetProperty("restockingFee").GetDecimal().ShouldBe(4.00m);
        estimate.GetProperty("shippingFee").GetDecimal().ShouldBe(0m, "a defective item waives the return-shipping fee");
        estimate.GetProperty("total").GetDecimal().ShouldBe(55.97m);
        rma.GetProperty("labelUrl").GetString().ShouldBe($"/api/v1/returns/{id}/label");

        (await FiguresAsync(staff, "TEE-S")).ShouldBe((7, 0, 2, 7));
        (await FiguresAsync(staff, "CAP")).ShouldBe((4, 0, 1, 4));
        var returnable = await (await staff.GetAsync($"/api/v1/orders/{order.GetProperty("id").GetGuid()}/returnable-lines")).ShouldBeAsync(HttpStatusCode.OK);
        returnable.EnumerateArray().Single(l => l.GetProperty("sku").GetString() == "TEE-S").GetProperty("returnableQuantity").GetInt32().ShouldBe(1);

        var received = await staff.PostAsJsonAsync("/api/v1/returns/receipts", new { rmaNumber = rma.GetProperty("rmaNumber").GetString() });
        (await received.ShouldBeAsync(HttpStatusCode.Created)).GetProperty("status").GetString().ShouldBe("Received");
        (await FiguresAsync(staff, "TEE-S")).ShouldBe((7, 2, 0, 9));
        (await FiguresAsync(staff, "CAP")).ShouldBe((4, 1, 0, 5));
        var teeLocations = (await StockSetup.StockAsync(staff, "TEE-S")).GetProperty("locations").EnumerateArray()
            .ToDictionary(l => l.GetProperty("locationCode").GetString()!, l => l.GetProperty("onHand").GetInt32());
        teeLocations["W1-RET"].ShouldBe(2);

        var lines = (await (await staff.GetAsync($"/api/v1/returns/{id}")).ShouldBeAsync(HttpStatusCode.OK)).GetProperty("lines").EnumerateArray().ToList();
        var inspected = await staff.PostAsJsonAsync($"/api/v1/returns/{id}/inspection", new
        {
            lines = new object[]
            {
                new { returnLineId = lines.Single(l => l.GetProperty("sku").GetString() == "TEE-S").GetProperty("id").GetGuid(), condition = "New", disposition = "Restock" },
                new { returnLineId = lines.Single(l => l.GetProperty("sku").GetString() == "CAP").GetProperty("id").GetGuid(), condition = "Defective", disposition = "ReturnToVendor" },
            },
        });
        var completed = await inspected.ShouldBeAsync(HttpStatusCode.OK);

        // Restocked units are sellable the moment the inspection call returns.
        (await FiguresAsync(staff, "TEE-S")).ShouldBe((9, 0, 0, 9));
        (await FiguresAsync(staff, "CAP")).ShouldBe((4, 1, 0, 5));
        completed.GetProperty("status").GetString().ShouldBe("Completed");
        completed.GetProperty("refundAmount").GetDecimal().ShouldBe(55.97m);
        completed.GetProperty("labelUrl").ValueKind.ShouldBe(JsonValueKind.Null);

        var timeline = await (await staff.GetAsync($"/api/v1/returns/{id}/timeline")).ShouldBeAsync(HttpStatusCode.OK);
        timeline.EnumerateArray().Select(e => e.GetProperty("event").GetString())
            .ShouldBe(["ReturnRequested", "ReturnApproved", "ReturnReceived", "ReturnCompleted"]);
        var events = (await App.OutboxAsync("returns")).Select(m => m.Type.Split('.').Last()).ToList();
        events.ShouldBe(["ReturnRequested", "ReturnApproved", "ReturnReceived", "ReturnCompleted"]);

        var list = await (await staff.GetAsync($"/api/v1/returns?status=Completed&customerEmail=buyer@example.com")).ShouldBeAsync(HttpStatusCode.OK);
        list.GetProperty("totalCount").GetInt32().ShouldBe(1);
        var byNumber = await (await staff.GetAsync($"/api/v1/returns?rmaNumber={rma.GetProperty("rmaNumber").GetString()}")).ShouldBeAsync(HttpStatusCode.OK);
        byNumber.GetProperty("items")[0].GetProperty("id").GetGuid().ShouldBe(id);
    }

    [Fact]
    public async Task A_request_above_the_auto_approval_limit_waits_for_staff_who_approve_or_reject_it()
    {
        using var staff = App.Admin();
        var order = await DeliveredOrderAsync(App, staff, Policy(autoApproveBelow: 10m));
        var request = new { orderId = order.GetProperty("id").GetGuid(), lines = new[] { new { orderLineId = LineId(order, "TEE-S"), quantity = 1, reasonCode = "ChangedMind" } }, resolution = "StoreCredit" };

        var first = await (await staff.PostAsJsonAsync("/api/v1/returns", request)).ShouldBeAsync(HttpStatusCode.Created);
        first.GetProperty("status").GetString().ShouldBe("Requested");
        first.GetProperty("reviewReasons")[0].GetString()!.ShouldContain("auto-approval limit");
        (await FiguresAsync(staff, "TEE-S")).Inbound.ShouldBe(0);
        await (await staff.GetAsync($"/api/v1/returns/{first.GetProperty("id").GetGuid()}/label")).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        var approved = await (await staff.PostAsync($"/api/v1/returns/{first.GetProperty("id").GetGuid()}/approve", null)).ShouldBeAsync(HttpStatusCode.OK);
        approved.GetProperty("status").GetString().ShouldBe("Approved");
        approved.GetProperty("shipBy").GetDateTime().ShouldBeGreaterThan(DateTime.UtcNow.AddDays(13));
        (await FiguresAsync(staff, "TEE-S")).Inbound.ShouldBe(1);
        await (await staff.PostAsync($"/api/v1/returns/{first.GetProperty("id").GetGuid()}/approve", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        var second = await (await staff.PostAsJsonAsync("/api/v1/returns", request)).ShouldBeAsync(HttpStatusCode.Created);
        var rejected = await (await staff.PostAsJsonAsync($"/api/v1/returns/{second.GetProperty("id").GetGuid()}/reject", new { reason = "Worn and washed" })).ShouldBeAsync(HttpStatusCode.OK);
        rejected.GetProperty("status").GetString().ShouldBe("Rejected");
        rejected.GetProperty("rejectionReason").GetString().ShouldBe("Worn and washed");
        await (await staff.PostAsJsonAsync($"/api/v1/returns/{second.GetProperty("id").GetGuid()}/reject", new { reason = "" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        var cancelled = await (await staff.PostAsync($"/api/v1/returns/{first.GetProperty("id").GetGuid()}/cancel", null)).ShouldBeAsync(HttpStatusCode.OK);
        cancelled.GetProperty("status").GetString().ShouldBe("Cancelled");
        (await FiguresAsync(staff, "TEE-S")).Inbound.ShouldBe(0);
        await (await staff.PostAsJsonAsync("/api/v1/returns/receipts", new { rmaNumber = first.GetProperty("rmaNumber").GetString() })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await FiguresAsync(staff, "TEE-S")).NonSellable.ShouldBe(0);
    }

    [Fact]
    public async Task An_approved_return_has_a_printable_label_whose_text_a_pdf_reader_finds()
    {
        using var staff = App.Admin();
        var order = await DeliveredOrderAsync(App, staff);
        var rma = await (await staff.PostAsJsonAsync("/api/v1/returns", new
        {
            orderId = order.GetProperty("id").GetGuid(),
            lines = new[] { new { orderLineId = LineId(order, "TEE-S"), quantity = 1, reasonCode = "TooSmall" } },
            resolution = "Refund",
        })).ShouldBeAsync(HttpStatusCode.Created);
        var id = rma.GetProperty("id").GetGuid();
        var number = rma.GetProperty("rmaNumber").GetString()!;

        var pdf = await staff.GetAsync($"/api/v1/returns/{id}/label");
        pdf.StatusCode.ShouldBe(HttpStatusCode.OK);
        pdf.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        var path = Path.Combine(Path.GetTempPath(), $"{number}-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(path, await pdf.Content.ReadAsByteArrayAsync());
        try
        {
            var text = await PdfText.ExtractAsync(path);
            text.ShouldContain(number);
            text.ShouldContain(order.GetProperty("number").GetString()!);
            text.ShouldContain("Lyon");
            text.ShouldContain("Paris");
            text.ShouldContain("TEE-S");
        }
        finally
        {
            File.Delete(path);
        }

        var svg = await staff.GetAsync($"/api/v1/returns/{id}/label?format=svg");
        svg.Content.Headers.ContentType!.MediaType.ShouldBe("image/svg+xml");
        (await svg.Content.ReadAsStringAsync()).ShouldContain(number);
        var zpl = await (await staff.GetAsync($"/api/v1/returns/{id}/label?format=zpl")).Content.ReadAsStringAsync();
        zpl.ShouldStartWith("^XA");
        zpl.ShouldContain(number);
        await (await staff.GetAsync($"/api/v1/returns/{id}/label?format=gif")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await staff.GetAsync($"/api/v1/returns/{Guid.NewGuid()}/label")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Returning_more_than_was_shipped_or_an_unknown_order_is_refused_without_a_trace()
    {
        using var staff = App.Admin();
        var order = await DeliveredOrderAsync(App, staff);
        var tooMany = await staff.PostAsJsonAsync("/api/v1/returns", new
        {
            orderId = order.GetProperty("id").GetGuid(),
            lines = new[] { new { orderLineId = LineId(order, "TEE-S"), quantity = 4, reasonCode = "TooLarge" } },
            resolution = "Refund",
        });
        var problem = await tooMany.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        problem.GetProperty("lines")[0].GetProperty("reasons")[0].GetString()!.ShouldContain("Only 3 unit(s)");

        await (await staff.PostAsJsonAsync("/api/v1/returns", new
        {
            orderId = Guid.NewGuid(),
            lines = new[] { new { orderLineId = Guid.NewGuid(), quantity = 1, reasonCode = "TooLarge" } },
            resolution = "Refund",
        })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await staff.PostAsJsonAsync("/api/v1/returns", new { orderId = order.GetProperty("id").GetGuid(), lines = Array.Empty<object>(), resolution = "Cash" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await staff.PostAsJsonAsync("/api/v1/returns/receipts", new { rmaNumber = "RMA-999999" })).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        (await App.OutboxAsync("returns")).ShouldBeEmpty();
        (await (await staff.GetAsync("/api/v1/returns")).ShouldBeAsync(HttpStatusCode.OK)).GetProperty("totalCount").GetInt32().ShouldBe(0);
    }
}
