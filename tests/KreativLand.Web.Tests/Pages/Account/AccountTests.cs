using System.Net;
using KreativLand.Web.Infrastructure;
using KreativLand.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;

namespace KreativLand.Web.Tests.Pages.Account;

public class AccountTests(BasicDataWebFixture site) : IClassFixture<BasicDataWebFixture>
{
    [Fact]
    public async Task A_wrong_password_is_refused_with_a_message_and_nothing_is_signed_in()
    {
        var email = await Curators.CreateAsync(site, "curator");
        var client = site.CreateClient();
        using var response = await Curators.SignInAsync(client, email, "not the password at all");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains("Passwort stimmen nicht", page.Text(".error-summary"));
        using var admin = await client.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.Redirect, admin.StatusCode);
    }

    [Theory]
    [InlineData("/de/account/login", "/en/admin")]
    [InlineData("/en/account/login", "/admin")]
    [InlineData("/account/login", "/de/admin")]
    public async Task Signed_in_under_one_language_prefix_the_curator_stays_signed_in_under_every_other(string login, string elsewhere)
    {
        var email = await Curators.CreateAsync(site, "curator");
        var client = site.CreateClient();
        using (var signedIn = await client.SubmitFormAsync(login, "form", new() { ["Input.Email"] = email, ["Input.Password"] = Curators.Password }))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
            Assert.All(signedIn.Headers.GetValues("Set-Cookie"), cookie => Assert.Contains("path=/;", cookie + ";"));
        }
        using var admin = await client.GetAsync(elsewhere);
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
    }

    [Fact]
    public async Task A_form_post_without_the_antiforgery_token_is_refused()
    {
        var email = await Curators.CreateAsync(site, "curator");
        using var response = await site.CreateClient().PostAsync("/account/login",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = Curators.Password }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("kl-auth=")));
    }

    [Fact]
    public async Task Five_failed_attempts_lock_the_account_even_for_the_right_password()
    {
        var email = await Curators.CreateAsync(site, "curator");
        var client = site.CreateClient();
        for (var i = 0; i < 5; i++) (await Curators.SignInAsync(client, email, "wrong password " + i)).Dispose();
        using var response = await Curators.SignInAsync(client, email, Curators.Password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("gesperrt", (await Html.ParseAsync(response)).Text(".error-summary"));
    }

    [Fact]
    public async Task The_return_url_is_followed_only_within_the_site()
    {
        var email = await Curators.CreateAsync(site, "curator");
        var client = site.CreateClient();
        using var local = await client.SubmitFormAsync("/account/login?ReturnUrl=%2Fen%2Fadmin%2Fcooperations", "form",
            new() { ["Input.Email"] = email, ["Input.Password"] = Curators.Password });
        Assert.Equal("/en/admin/cooperations", local.Headers.Location!.OriginalString);

        var other = site.CreateClient();
        using var foreign = await other.SubmitFormAsync("/account/login?ReturnUrl=https%3A%2F%2Fevil.example%2F", "form",
            new() { ["Input.Email"] = email, ["Input.Password"] = Curators.Password });
        Assert.Equal("/admin", foreign.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_auth_cookie_is_http_only_and_same_site_strict()
    {
        var email = await Curators.CreateAsync(site, "curator");
        using var response = await Curators.SignInAsync(site.CreateClient(), email, Curators.Password);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("kl-auth="));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_admin_creates_a_curator_who_can_sign_in_and_disables_them_again()
    {
        var admin = await Curators.SignedInClientAsync(site, "admin");
        var email = $"new-{Guid.NewGuid():N}"[..16] + "@example.org";

        using var weak = await admin.SubmitFormAsync("/admin/users", "form[action*=Create]",
            new() { ["Input.Email"] = email, ["Input.Password"] = "short", ["Input.Role"] = "curator" });
        Assert.Equal(HttpStatusCode.OK, weak.StatusCode);
        Assert.Contains("Das Passwort muss mindestens 12 Zeichen lang sein.", (await Html.ParseAsync(weak)).Text(".error-summary"));

        using var created = await admin.SubmitFormAsync("/admin/users", "form[action*=Create]",
            new() { ["Input.Email"] = email, ["Input.Password"] = Curators.Password, ["Input.Role"] = "curator" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);

        using (var twice = await admin.SubmitFormAsync("/en/admin/users", "form[action*=Create]",
            new() { ["Input.Email"] = email, ["Input.Password"] = Curators.Password, ["Input.Role"] = "curator" }))
            Assert.Contains($"There is already an account for {email}.", (await Html.ParseAsync(twice)).Text(".error-summary"));

        var curator = site.CreateClient();
        using (var signedIn = await Curators.SignInAsync(curator, email, Curators.Password)) Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        using (var dashboard = await curator.GetAsync("/admin")) Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);

        var list = await admin.GetDocumentAsync("/admin/users");
        var row = list.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains(email));
        var disableForm = row.QuerySelector("form[action*='handler=Disable']")!;
        using var disabled = await admin.PostFormAsync(list, "/admin/users", $"form[action='{disableForm.GetAttribute("action")}']", new());
        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);

        using var refused = await Curators.SignInAsync(site.CreateClient(), email, Curators.Password);
        Assert.Contains("deaktiviert", (await Html.ParseAsync(refused)).Text(".error-summary"));
        // Without the password nobody learns that the account exists but is disabled.
        using var probe = await Curators.SignInAsync(site.CreateClient(), email, "some other password");
        Assert.Contains("Passwort stimmen nicht", (await Html.ParseAsync(probe)).Text(".error-summary"));
    }

    [Fact]
    public async Task The_add_user_command_creates_an_admin_and_refuses_a_bad_role()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration["ConnectionStrings:KreativLand"] = site.ConnectionString;
        builder.AddKreativLand();
        await using var app = builder.Build();
        var email = $"cli-{Guid.NewGuid():N}"[..16] + "@example.org";

        Environment.SetEnvironmentVariable("KL_PASSWORD", Curators.Password);
        try
        {
            Assert.Equal(2, await CommandLine.TryRunAsync(app, ["add-user", email]));
            Assert.Equal(1, await CommandLine.TryRunAsync(app, ["add-user", email, "--role", "editor"]));
            Assert.Equal(0, await CommandLine.TryRunAsync(app, ["add-user", email, "--role", "admin"]));
            var error = Console.Error;
            using var captured = new StringWriter();
            Console.SetError(captured);
            try { Assert.Equal(1, await CommandLine.TryRunAsync(app, ["add-user", email, "--role", "admin"])); } // exists already
            finally { Console.SetError(error); }
            Assert.Contains($"There is already an account for {email}.", captured.ToString());
        }
        finally { Environment.SetEnvironmentVariable("KL_PASSWORD", null); }

        await using var db = site.OpenContext();
        var roles = await db.UserRoles.Where(ur => db.Users.Any(u => u.Id == ur.UserId && u.Email == email))
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToListAsync();
        Assert.Equal(["admin"], roles);

        var client = site.CreateClient();
        using var signIn = await Curators.SignInAsync(client, email, Curators.Password);
        using var users = await client.GetAsync("/admin/users");
        Assert.Equal(HttpStatusCode.OK, users.StatusCode);
    }
}
