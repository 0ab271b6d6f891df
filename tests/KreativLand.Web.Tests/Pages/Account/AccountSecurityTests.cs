using System.Net;
using KreativLand.Web.Domain;
using KreativLand.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace KreativLand.Web.Tests.Pages.Account;

/// <summary>The basic data with sessions re-checked against the account every second (production: every minute).</summary>
public class ShortSessionCheckFixture : BasicDataWebFixture
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Accounts:SecurityStampValidationInterval"] = Interval.ToString(),
    };
}

/// <summary>Accounts an admin manages: disabling ends sessions, roles change, 2FA and passwords can be reset; recovery codes work once.</summary>
public class AccountSecurityTests(ShortSessionCheckFixture site) : IClassFixture<ShortSessionCheckFixture>
{
    private static Task PastTheCheckAsync() => Task.Delay(ShortSessionCheckFixture.Interval + TimeSpan.FromMilliseconds(600));

    private async Task<string> IdOfAsync(string email)
    {
        await using var scope = site.Factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<CuratorUser>>().FindByEmailAsync(email))!.Id;
    }

    private static async Task<HttpResponseMessage> UserActionAsync(HttpClient admin, string email, string handler, Dictionary<string, string>? fields = null)
    {
        var page = await admin.GetDocumentAsync("/en/admin/users");
        var row = page.QuerySelectorAll("#accounts tbody tr").Single(tr => tr.GetAttribute("data-email") == email);
        var form = row.QuerySelectorAll("form").Single(f => f.GetAttribute("action")!.Contains($"handler={handler}"));
        var values = Curators.FormValues(form);
        foreach (var (name, value) in fields ?? []) { values.RemoveAll(v => v.Key == name); values.Add(new(name, value)); }
        return await admin.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(values));
    }

    [Fact]
    public async Task Disabling_an_account_ends_its_open_sessions_at_the_next_check()
    {
        var (admin, _) = await Curators.SignedInAsync(site, "admin");
        var (curator, email) = await Curators.SignedInAsync(site, "curator");
        using (var before = await curator.GetAsync("/admin")) Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        var form = await curator.GetDocumentAsync("/admin/cooperations/edit");

        using (var disabled = await UserActionAsync(admin, email, "Disable")) Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        await PastTheCheckAsync();

        using (var get = await curator.GetAsync("/admin"))
        {
            Assert.Equal(HttpStatusCode.Redirect, get.StatusCode);
            Assert.StartsWith("/account/login", get.Headers.Location!.PathAndQuery);
        }
        using var post = await curator.PostFormAsync(form, "/admin/cooperations/edit", "#editor-form", EditorTestsFields());
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.StartsWith("/account/login", post.Headers.Location!.PathAndQuery);
        await using var db = site.OpenContext();
        Assert.False(db.Cooperations.Any(c => c.Slug == "nach-der-sperre"));
    }

    private static Dictionary<string, string> EditorTestsFields() => Admin.Cooperations.EditorTests.NewListing("Nach der Sperre");

    [Fact]
    public async Task A_role_change_reaches_open_sessions()
    {
        var (admin, _) = await Curators.SignedInAsync(site, "admin");
        var (curator, email) = await Curators.SignedInAsync(site, "curator");
        using (var before = await curator.GetAsync("/admin/users")) Assert.Equal(HttpStatusCode.Forbidden, before.StatusCode);
        using (var changed = await UserActionAsync(admin, email, "Role", new() { ["Role"] = "admin" })) Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        await PastTheCheckAsync();
        using var after = await curator.GetAsync("/admin/users");
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once_and_only_once_typed_any_way()
    {
        var email = await Curators.CreateAsync(site, "curator");
        string[] codes;
        await using (var scope = site.Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<CuratorUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
            codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 8))!.ToArray();
        }
        Assert.Matches("^[A-Z0-9]{5}-[A-Z0-9]{5}$", codes[0]);

        async Task<HttpResponseMessage> RecoverAsync(HttpClient client, string code)
        {
            using var password = await Curators.SignInAsync(client, email, Curators.Password);
            return await client.SubmitFormAsync(password.Headers.Location!.OriginalString, "#two-factor-form",
                new() { ["Code"] = code, ["IsRecoveryCode"] = "true" });
        }

        // As printed, and lower case without the dash: both are the same code.
        var phone = site.CreateClient();
        using (var signedIn = await RecoverAsync(phone, codes[0])) Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        using (var inside = await phone.GetAsync("/admin")) Assert.Equal(HttpStatusCode.OK, inside.StatusCode);
        using (var other = await RecoverAsync(site.CreateClient(), codes[1].Replace("-", "").ToLowerInvariant()))
            Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);

        using var reused = await RecoverAsync(site.CreateClient(), codes[0]);
        Assert.Equal(HttpStatusCode.OK, reused.StatusCode);
        Assert.NotNull((await Html.ParseAsync(reused)).QuerySelector("#problems"));
    }

    [Fact]
    public async Task An_admin_resets_two_factor_sign_in_for_a_curator_who_lost_the_phone()
    {
        var (admin, _) = await Curators.SignedInAsync(site, "admin");
        var email = await Curators.CreateAsync(site, "curator");
        await using (var scope = site.Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<CuratorUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
        }
        using (var reset = await UserActionAsync(admin, email, "ResetTwoFactor")) Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        using var signIn = await Curators.SignInAsync(site.CreateClient(), email, Curators.Password);
        Assert.Equal("/admin", signIn.Headers.Location!.OriginalString.Replace("http://localhost", ""));
    }

    [Fact]
    public async Task A_password_reset_link_is_shown_once_and_works_once()
    {
        var (admin, _) = await Curators.SignedInAsync(site, "admin");
        var email = await Curators.CreateAsync(site, "curator");
        using (var issued = await UserActionAsync(admin, email, "ResetPassword")) Assert.Equal(HttpStatusCode.Redirect, issued.StatusCode);
        var shown = await admin.GetDocumentAsync("/en/admin/users");
        var link = new Uri(shown.Text("#reset-link code"));
        Assert.Null((await admin.GetDocumentAsync("/en/admin/users")).QuerySelector("#reset-link"));

        const string fresh = "a brand new passphrase";
        var visitor = site.CreateClient();
        using (var set = await visitor.SubmitFormAsync(link.PathAndQuery, "#reset-form", new() { ["Input.Password"] = fresh, ["Input.Repeat"] = fresh }))
            Assert.NotNull((await Html.ParseAsync(set)).QuerySelector("#reset-done"));
        using (var old = await Curators.SignInAsync(site.CreateClient(), email, Curators.Password)) Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        using (var now = await Curators.SignInAsync(site.CreateClient(), email, fresh)) Assert.Equal(HttpStatusCode.Redirect, now.StatusCode);
        using var again = await visitor.SubmitFormAsync(link.PathAndQuery, "#reset-form", new() { ["Input.Password"] = "yet another passphrase", ["Input.Repeat"] = "yet another passphrase" });
        Assert.Contains("no longer valid", (await Html.ParseAsync(again)).Text(".error-summary"));
    }

    [Fact]
    public async Task The_two_factor_page_shows_a_qr_code_that_is_never_cached_and_the_admin_navigation()
    {
        var (curator, _) = await Curators.SignedInAsync(site, "curator");
        var page = await curator.GetDocumentAsync("/en/account/two-factor");
        Assert.NotNull(page.QuerySelector("nav.admin-nav"));
        var src = page.QuerySelector("#authenticator-qr")!.GetAttribute("src")!;
        using var qr = await curator.GetAsync(src);
        Assert.Equal("image/png", qr.Content.Headers.ContentType!.MediaType);
        Assert.Contains("no-store", qr.Headers.CacheControl!.ToString());
        var bytes = await qr.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes[..4]);
    }
}
