using System.Net;
using System.Security.Cryptography;
using KreativLand.Web.Tests.Infrastructure;

namespace KreativLand.Web.Tests.Pages.Account;

public class TwoFactorTests(BasicDataWebFixture site) : IClassFixture<BasicDataWebFixture>
{
    /// <summary>The current RFC 6238 code (SHA-1, 30 s, 6 digits) for a Base32 key, as an authenticator app computes it.</summary>
    private static string Totp(string base32Key, int stepOffset = 0)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = string.Concat(base32Key.TrimEnd('=').ToUpperInvariant().Select(c => Convert.ToString(alphabet.IndexOf(c), 2).PadLeft(5, '0')));
        var key = Enumerable.Range(0, bits.Length / 8).Select(i => Convert.ToByte(bits.Substring(i * 8, 8), 2)).ToArray();
        var counter = BitConverter.GetBytes(DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30 + stepOffset);
        if (BitConverter.IsLittleEndian) Array.Reverse(counter);
        var hash = HMACSHA1.HashData(key, counter);
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6");
    }

    [Fact]
    public async Task A_curator_turns_on_two_factor_sign_in_and_then_needs_the_app_code()
    {
        var email = await Curators.CreateAsync(site, "curator");
        var client = site.CreateClient();
        (await Curators.SignInAsync(client, email, Curators.Password)).Dispose();

        var setup = await client.GetDocumentAsync("/en/account/two-factor");
        Assert.Equal("false", setup.QuerySelector("#two-factor-state")!.GetAttribute("data-enabled"));
        var key = setup.QuerySelector("#authenticator-key")!.GetAttribute("data-key")!;

        using (var wrong = await client.PostFormAsync(setup, "/en/account/two-factor", "#enable-form", new() { ["Code"] = "000000" == Totp(key) ? "111111" : "000000" }))
            Assert.Contains("The code is wrong", (await Html.ParseAsync(wrong)).Text("#problems"));
        using (var enabled = await client.PostFormAsync(setup, "/en/account/two-factor", "#enable-form", new() { ["Code"] = Totp(key) }))
        {
            var page = await Html.ParseAsync(enabled);
            Assert.Equal("true", page.QuerySelector("#two-factor-state")!.GetAttribute("data-enabled"));
            Assert.Equal(8, page.QuerySelectorAll("#recovery-codes li").Length);
        }

        // A new sign-in: the password alone leads to the code step, not into the curator area.
        var other = site.CreateClient();
        using var first = await Curators.SignInAsync(other, email, Curators.Password);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.StartsWith("/account/login-2fa", first.Headers.Location!.OriginalString);
        using (var notYet = await other.GetAsync("/admin")) Assert.Equal(HttpStatusCode.Redirect, notYet.StatusCode);

        var step = first.Headers.Location.OriginalString;
        using (var bad = await other.SubmitFormAsync(step, "#two-factor-form", new() { ["Code"] = "12345" }))
            Assert.NotNull((await Html.ParseAsync(bad)).QuerySelector("#problems"));
        using (var good = await other.SubmitFormAsync(step, "#two-factor-form", new() { ["Code"] = Totp(key, stepOffset: 1) }))
            Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        using var dashboard = await other.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
    }

    [Fact]
    public async Task The_setup_page_needs_a_signed_in_user()
    {
        using var response = await site.CreateClient().GetAsync("/account/two-factor");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery);
    }
}
