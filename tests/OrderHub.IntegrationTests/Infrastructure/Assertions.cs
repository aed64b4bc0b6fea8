using System.Net;
using System.Text.Json;

namespace OrderHub.IntegrationTests.Infrastructure;

public static class Assertions
{
    /// <summary>Asserts an RFC 9457 problem response with the given status and returns its JSON.</summary>
    public static async Task<JsonElement> ShouldBeProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, body);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", body);
        var json = JsonDocument.Parse(body).RootElement;
        json.GetProperty("status").GetInt32().ShouldBe((int)status);
        json.GetProperty("title").GetString().ShouldNotBeNullOrWhiteSpace();
        json.GetProperty("type").GetString().ShouldNotBeNullOrWhiteSpace();
        json.TryGetProperty("detail", out _).ShouldBeTrue(body);
        return json;
    }

    public static async Task<JsonElement> ShouldBeAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, body);
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement;
    }
}

public static class Eventually
{
    /// <summary>Polls until the condition holds or the deadline passes; no fixed sleeps in tests.</summary>
    public static async Task HoldsAsync(Func<Task<bool>> condition, string because, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            if (await condition())
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new ShouldAssertException($"Condition not met before the deadline: {because}");
            }

            await Task.Delay(50);
        }
    }
}
