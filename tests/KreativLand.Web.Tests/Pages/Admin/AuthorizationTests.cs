using System.Net;
using KreativLand.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace KreativLand.Web.Tests.Pages.Admin;

/// <summary>
/// Every endpoint under /admin — taken from the application's own endpoint data source, so a new page is
/// covered without touching this test — turns away anonymous visitors and signed-in users without a role.
/// </summary>
public class AuthorizationTests(BasicDataWebFixture site) : IClassFixture<BasicDataWebFixture>
{
    private IReadOnlyList<string> AdminUrls()
    {
        using var _ = site.CreateClient(); // starts the host so the endpoints exist
        var urls = site.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(path => path.Equals("/admin", StringComparison.OrdinalIgnoreCase) || path.StartsWith("/admin/", StringComparison.OrdinalIgnoreCase))
            .Select(path => System.Text.RegularExpressions.Regex.Replace(path, @"\{[^}]+\}", "1"))
            .Distinct()
            .ToList();
        return urls;
    }

    [Fact]
    public void The_admin_area_has_endpoints()
    {
        var urls = AdminUrls();
        Assert.Contains("/admin", urls);
        Assert.Contains("/admin/users", urls);
        Assert.Contains("/admin/cooperations", urls);
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_the_sign_in_page()
    {
        var client = site.CreateClient();
        foreach (var url in AdminUrls())
        {
            foreach (var method in new[] { HttpMethod.Get, HttpMethod.Post })
            {
                using var response = await client.SendAsync(new HttpRequestMessage(method, url));
                Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{method} {url} answered {(int)response.StatusCode}");
                Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery);
                Assert.Contains("ReturnUrl=", response.Headers.Location.Query);
            }
        }
    }

    [Fact]
    public async Task Signed_in_users_without_a_role_get_403()
    {
        var client = await Curators.SignedInClientAsync(site, role: null);
        foreach (var url in AdminUrls())
        {
            foreach (var method in new[] { HttpMethod.Get, HttpMethod.Post })
            {
                using var response = await client.SendAsync(new HttpRequestMessage(method, url));
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{method} {url} answered {(int)response.StatusCode} {string.Join(",", response.Headers.Select(h => h.Key + "=" + string.Join(";", h.Value)))} {await response.Content.ReadAsStringAsync()}");
            }
        }
    }

    [Fact]
    public async Task Curators_reach_the_dashboard_but_not_account_management()
    {
        var client = await Curators.SignedInClientAsync(site, "curator");
        using var dashboard = await client.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        using var users = await client.GetAsync("/admin/users");
        Assert.Equal(HttpStatusCode.Forbidden, users.StatusCode);
        using var german = await client.GetAsync("/de/admin/users");
        Assert.Equal(HttpStatusCode.Forbidden, german.StatusCode);
    }
}
