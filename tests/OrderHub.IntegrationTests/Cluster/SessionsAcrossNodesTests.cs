using System.Net;
using System.Text.RegularExpressions;
using OrderHub.IntegrationTests.Infrastructure;

namespace OrderHub.IntegrationTests.Cluster;

/// <summary>
/// Behind a load balancer each request of one browser may reach another node: the form one node served, the
/// sign-in another node accepted and the session cookie it set must all be read by every node.
/// </summary>
[Collection(NodeCluster.Collection)]
public sealed partial class SessionsAcrossNodesTests
{
    [PostgresFact]
    public async Task A_back_office_form_served_by_one_node_signs_in_on_another_and_the_session_holds_on_the_first()
    {
        await using var cluster = await NodeCluster.StartAsync(2);
        // Cookies belong to the host, not the port, so one browser's cookie jar is shared by both nodes.
        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        using var browser = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(60) };

        var form = await browser.GetAsync(new Uri(cluster[0].BaseAddress, "/backoffice/sign-in"));
        form.StatusCode.ShouldBe(HttpStatusCode.OK);
        var token = TokenField().Match(await form.Content.ReadAsStringAsync());
        token.Success.ShouldBeTrue("the sign-in form carries an anti-forgery token");

        using var signIn = await browser.PostAsync(new Uri(cluster[1].BaseAddress, "/backoffice/sign-in"), new FormUrlEncodedContent(
        [
            new KeyValuePair<string, string>("key", OrderHubApp.AdminKey),
            new KeyValuePair<string, string>("__RequestVerificationToken", token.Groups["token"].Value),
        ]));
        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect, "node 1 reads the anti-forgery token node 0 issued");

        foreach (var node in cluster.Nodes)
        {
            using var queue = await browser.GetAsync(new Uri(node.BaseAddress, "/backoffice"));
            queue.StatusCode.ShouldBe(HttpStatusCode.OK, $"node {node.Index} reads the session node 1 started");
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex TokenField();
}
