using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using KreativLand.Web.Domain;
using KreativLand.Web.Infrastructure;
using KreativLand.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KreativLand.Web.Tests.Pages.Account;

/// <summary>The site with the password hasher at its real cost, so that the timing below measures what production does.</summary>
public sealed class RealPasswordCostWebFixture : BasicDataWebFixture
{
    protected override int? PasswordHashIterations => null;
}

public class SignInSecurityTests(RealPasswordCostWebFixture site) : IClassFixture<RealPasswordCostWebFixture>
{
    private static async Task<(HttpStatusCode Status, string Message, TimeSpan Took)> AttemptAsync(HttpClient client, string email, string password)
    {
        var page = await client.GetDocumentAsync("/en/account/login");
        var clock = Stopwatch.StartNew();
        using var response = await client.PostFormAsync(page, "/en/account/login", "form", new() { ["Input.Email"] = email, ["Input.Password"] = password });
        var took = clock.Elapsed;
        var document = await Html.ParseAsync(response);
        return (response.StatusCode, document.QuerySelector(".error-summary li")?.TextContent ?? "", took);
    }

    [Fact]
    public async Task Unknown_address_wrong_password_and_locked_account_get_the_same_answer_in_similar_time()
    {
        var existing = await Curators.CreateAsync(site, "curator");
        var locked = await Curators.CreateAsync(site, "curator");
        await using (var scope = site.Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<CuratorUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByEmailAsync(locked))!, DateTimeOffset.UtcNow.AddMinutes(15));
        }
        var client = site.CreateClient();
        var cases = new Dictionary<string, (string Email, string Password)>
        {
            ["unknown"] = ($"nobody-{Guid.NewGuid():N}@example.org", "some wrong password"),
            ["wrong password"] = (existing, "some wrong password"),
            ["locked"] = (locked, Curators.Password),
        };
        var times = cases.Keys.ToDictionary(k => k, _ => new List<double>());
        var messages = new HashSet<string>();
        await AttemptAsync(client, "warm-up@example.org", "warm up the hasher");
        for (var round = 0; round < 4; round++)
        {
            foreach (var (name, (email, password)) in cases)
            {
                var (status, message, took) = await AttemptAsync(client, email, password);
                Assert.Equal(HttpStatusCode.OK, status);
                messages.Add(message);
                times[name].Add(took.TotalMilliseconds);
            }
            // The wrong-password account must not lock itself during the test (5 failures lock).
            if (round == 2)
            {
                await using var scope = site.Factory.Services.CreateAsyncScope();
                var users = scope.ServiceProvider.GetRequiredService<UserManager<CuratorUser>>();
                await users.ResetAccessFailedCountAsync((await users.FindByEmailAsync(existing))!);
            }
        }
        Assert.Equal("The e-mail address or the password is wrong, or the account is locked for 15 minutes after too many failed attempts.", Assert.Single(messages));
        var medians = times.ToDictionary(t => t.Key, t => t.Value.Order().ElementAt(t.Value.Count / 2));
        // Each answer costs one password-hash check (tens of milliseconds); without the stand-in check an unknown address took 4 ms against 187.
        Assert.True(medians.Values.Max() < 3 * medians.Values.Min(), string.Join(", ", medians.Select(m => $"{m.Key} {m.Value:0} ms")));
    }

    [Fact]
    public async Task Common_passwords_are_refused_for_new_accounts_with_a_message()
    {
        // Outside a request the message follows the thread's UI culture, as on the command line (English there).
        System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("en");
        await using var scope = site.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CuratorUser>>();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var common in new[] { "password1234", "Password1234!", "qwertyuiop12", "!!iloveyou2024!!" })
        {
            var errors = await Accounts.CreateUserAsync(users, roles, TimeProvider.System, $"c-{Guid.NewGuid():N}"[..12] + "@example.org", common, Roles.Curator);
            Assert.Contains(errors, e => e.Contains("commonly used passwords"));
        }
        Assert.Empty(await Accounts.CreateUserAsync(users, roles, TimeProvider.System, $"c-{Guid.NewGuid():N}"[..12] + "@example.org", "lindenblüten am dorfteich", Roles.Curator));
        Assert.True(CommonPasswords.IsCommon("DRAGON"));
        Assert.False(CommonPasswords.IsCommon("dragon fruit harvest in bautzen"));
    }
}

/// <summary>Tight sign-in limits, so the test reaches them with a few attempts.</summary>
public sealed class ThrottledSignInFixture : BasicDataWebFixture
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["RateLimits:SignInPermitsPerClient"] = "6",
        ["RateLimits:SignInPermitsPerAccount"] = "3",
        ["RateLimits:SignInWindowMinutes"] = "5",
    };
}

public class SignInThrottleTests(ThrottledSignInFixture site) : IClassFixture<ThrottledSignInFixture>
{
    [Fact]
    public async Task Attempts_past_the_limit_per_account_and_per_client_get_429_with_Retry_After_in_the_readers_language()
    {
        var client = site.CreateClient();
        var page = await client.GetDocumentAsync("/de/account/login");
        async Task<HttpResponseMessage> Attempt(string email) =>
            await client.PostFormAsync(page, "/de/account/login", "form", new() { ["Input.Email"] = email, ["Input.Password"] = "wrong password again" });

        // Per account: the fourth attempt at one address is refused, whether it exists or not.
        for (var i = 0; i < 3; i++) using (var allowed = await Attempt("target@example.org")) Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        using (var refused = await Attempt("TARGET@example.org"))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
            var document = await Html.ParseAsync(refused);
            Assert.Contains("Zu viele Anmeldeversuche", document.QuerySelector(".error-summary")?.TextContent);
            Assert.Equal("TARGET@example.org", document.QuerySelector("input[name='Input.Email']")?.GetAttribute("value"));
        }
        // Per client: other addresses from the same client, until the client's budget (6) is spent.
        for (var i = 0; i < 2; i++) using (var allowed = await Attempt($"other{i}@example.org")) Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        using (var refused = await Attempt("yet-another@example.org")) Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        // Even the right password is not checked while throttled.
        var email = await Curators.CreateAsync(site, "curator");
        using var right = await client.PostFormAsync(page, "/de/account/login", "form", new() { ["Input.Email"] = email, ["Input.Password"] = Curators.Password });
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
    }
}

/// <summary>The site with a hasher that records the hashes it checks passwords against (the tests' cheaper hasher settings).</summary>
public sealed class RecordingHasherWebFixture : BasicDataWebFixture
{
    public ConcurrentQueue<string> CheckedHashes { get; } = new();

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddScoped<IPasswordHasher<CuratorUser>>(provider =>
            new RecordingHasher(new PasswordHasher<CuratorUser>(provider.GetRequiredService<IOptions<PasswordHasherOptions>>()), CheckedHashes));

    private sealed class RecordingHasher(PasswordHasher<CuratorUser> inner, ConcurrentQueue<string> checkedHashes) : IPasswordHasher<CuratorUser>
    {
        public string HashPassword(CuratorUser user, string password) => inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(CuratorUser user, string hashedPassword, string providedPassword)
        {
            checkedHashes.Enqueue(hashedPassword);
            return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}

public class SignInStandInHashTests(RecordingHasherWebFixture site) : IClassFixture<RecordingHasherWebFixture>
{
    /// <summary>PBKDF2 iterations named in an ASP.NET Core Identity v3 hash (format byte, PRF, then the count, big-endian).</summary>
    private static int Iterations(string hash) => System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(Convert.FromBase64String(hash).AsSpan(5, 4));

    [Fact]
    public async Task An_unknown_address_is_checked_against_a_hash_of_the_configured_cost()
    {
        var existing = await Curators.CreateAsync(site, "curator");
        string accountHash;
        await using (var scope = site.Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<CuratorUser>>();
            accountHash = (await users.FindByEmailAsync(existing))!.PasswordHash!;
            Assert.NotEqual(100_000, scope.ServiceProvider.GetRequiredService<IOptions<PasswordHasherOptions>>().Value.IterationCount);
        }
        var client = site.CreateClient();
        site.CheckedHashes.Clear();

        using var response = await Curators.SignInAsync(client, $"nobody-{Guid.NewGuid():N}@example.org", "some wrong password");

        // The same work as checking the account's password: a stand-in made with PasswordHasher's defaults (100,000) would
        // take longer than any real check wherever the accounts' hashes are made with other settings.
        var standIn = Assert.Single(site.CheckedHashes);
        Assert.NotEqual(accountHash, standIn);
        Assert.Equal(Iterations(accountHash), Iterations(standIn));
    }
}
