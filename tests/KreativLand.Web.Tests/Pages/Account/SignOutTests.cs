using System.Net;
using KreativLand.Web.Tests.Infrastructure;

namespace KreativLand.Web.Tests.Pages.Account;

/// <summary>The security stamp checked on every request, as a minute-long interval would after it passes.</summary>
public sealed class ImmediateStampFixture : BasicDataWebFixture
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Accounts:SecurityStampValidationInterval"] = "00:00:00",
    };
}

public class SignOutTests(ImmediateStampFixture site) : IClassFixture<ImmediateStampFixture>
{
    [Fact]
    public async Task A_session_cookie_kept_from_before_sign_out_no_longer_signs_in()
    {
        var email = await Curators.CreateAsync(site, "curator");
        var jar = new CookieContainer();
        var client = site.Factory.CreateDefaultClient(new Uri("http://localhost"), new CookieJar(jar));
        using (var signIn = await Curators.SignInAsync(client, email, Curators.Password)) Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        // A copy of the session, as another tab, device or thief would hold it.
        var copy = new CookieContainer();
        foreach (Cookie cookie in jar.GetAllCookies()) copy.Add(cookie);
        var stolen = site.Factory.CreateDefaultClient(new Uri("http://localhost"), new CookieJar(copy));
        using (var before = await stolen.GetAsync("/admin")) Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        using (var signOut = await client.SubmitFormAsync("/account/logout", "main form", new())) Assert.True(signOut.IsSuccessStatusCode);

        using var after = await stolen.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/account/login", after.Headers.Location!.OriginalString);
    }

    /// <summary>Cookies in a container the test can copy; redirects are not followed.</summary>
    private sealed class CookieJar(CookieContainer container) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var header = container.GetCookieHeader(request.RequestUri!);
            if (header.Length > 0) request.Headers.Add("Cookie", header);
            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("Set-Cookie", out var cookies))
                foreach (var cookie in cookies) container.SetCookies(request.RequestUri!, cookie);
            return response;
        }
    }
}
