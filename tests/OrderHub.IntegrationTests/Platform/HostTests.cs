using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using OrderHub.IntegrationTests.Infrastructure;

namespace OrderHub.IntegrationTests.Platform;

public sealed class HostTests(OrderHubApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task Health_endpoints_answer_without_a_key_once_the_database_is_migrated()
    {
        using var client = App.Anonymous();
        (await client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var ready = await (await client.GetAsync("/health/ready")).ShouldBeAsync(HttpStatusCode.OK);
        ready.GetProperty("status").GetString().ShouldBe("Healthy");
    }

    [Fact]
    public async Task Swagger_document_is_valid_OpenAPI_with_the_api_key_scheme()
    {
        using var client = App.Anonymous();
        var json = await client.GetStringAsync("/swagger/v1/swagger.json");
        var result = OpenApiDocument.Parse(json, "json", new OpenApiReaderSettings());

        result.Diagnostic!.Errors.ShouldBeEmpty(string.Join("; ", result.Diagnostic.Errors.Select(e => e.Message)));
        var document = result.Document!;
        var schemes = document.Components!.SecuritySchemes!;
        schemes.ShouldContainKey("ApiKey");
        schemes["ApiKey"].Name.ShouldBe("X-Api-Key");
        document.Paths!.ShouldContainKey("/api/v1/api-keys");
        document.Paths["/api/v1/orders"]!.Operations![HttpMethod.Post].Parameters!.ShouldContain(p => p.Name == "Idempotency-Key");
        (await client.GetAsync("/swagger/index.html")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Api_call_without_a_key_is_401_problem_details()
    {
        using var client = App.Anonymous();
        var response = await client.GetAsync("/api/v1/api-keys");
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        problem.GetProperty("detail").GetString()!.ShouldContain("X-Api-Key");
        response.Headers.WwwAuthenticate.ToString().ShouldContain("ApiKey");
    }

    [Fact]
    public async Task Api_call_with_an_unknown_key_is_401()
    {
        using var client = App.ClientWithKey("ohk_not-a-real-key");
        await (await client.GetAsync("/api/v1/api-keys")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_partner_key_on_an_admin_route_is_403_problem_details()
    {
        using var partner = await App.ClientForRoleAsync("partner");
        await (await partner.GetAsync("/api/v1/api-keys")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Unknown_route_is_404_problem_details()
    {
        using var client = App.Admin();
        await (await client.GetAsync("/api/v1/no-such-thing")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Malformed_json_is_400_problem_details_not_500()
    {
        using var client = App.Admin();
        var response = await client.PostAsync("/api/v1/api-keys", new StringContent("{\"name\": ", Encoding.UTF8, "application/json"));
        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        var wrongType = await client.PostAsync("/api/v1/api-keys", new StringContent("{\"name\": [1,2]}", Encoding.UTF8, "application/json"));
        await wrongType.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Validation_errors_are_400_with_errors_per_field()
    {
        using var client = App.Admin();
        var response = await client.PostAsJsonAsync("/api/v1/api-keys", new { name = "", role = "overlord" });
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        errors.GetProperty("name").GetArrayLength().ShouldBeGreaterThan(0);
        errors.GetProperty("role")[0].GetString()!.ShouldContain("admin, staff, storefront, partner");
    }

    [Fact]
    public async Task Every_response_carries_a_request_id_and_problems_repeat_it()
    {
        using var client = App.Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/api-keys");
        request.Headers.Add("X-Request-Id", "abc-123");
        var response = await client.SendAsync(request);
        response.Headers.GetValues("X-Request-Id").Single().ShouldBe("abc-123");
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        problem.GetProperty("requestId").GetString().ShouldBe("abc-123");
    }
}
