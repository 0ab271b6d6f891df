using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using KreativLand.Web.Data;
using KreativLand.Web.Domain;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KreativLand.Web.Tests.Infrastructure;

/// <summary>One instance of the site; the first of a pair creates and seeds the database, the second uses the same one.</summary>
public sealed class Instance(string? sharedDatabase, IDictionary<string, string?> settings) : MapDataWebFixture, IAsyncDisposable
{
    protected override bool OwnsDatabase => sharedDatabase is null;
    protected override IDictionary<string, string?> Settings => settings;

    public static async Task<Instance> StartAsync(IDictionary<string, string?> settings, Instance? sameDatabaseAs = null)
    {
        var instance = new Instance(sameDatabaseAs?.DatabaseName, settings);
        await instance.InitializeAsync();
        return instance;
    }

    public override Task InitializeAsync()
    {
        if (sharedDatabase is not null) DatabaseName = sharedDatabase;
        return base.InitializeAsync();
    }

    /// <summary>A client that keeps no cookies of its own: the test hands them from one instance to the other.</summary>
    public HttpClient BareClient() => Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    private bool disposed;

    public override async Task DisposeAsync()
    {
        if (disposed) return;
        disposed = true;
        await base.DisposeAsync();
    }

    async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync();
}

/// <summary>
/// Several stateless instances over one PostgreSQL: sign-in cookies and antiforgery tokens work on every instance and
/// survive a restart (Data Protection keys in the database); a listing published through one instance is served by the
/// other at once with a shared Redis cache, and within the cache lifetime with in-memory caches.
/// </summary>
public class TwoInstancesTests
{
    private static readonly Dictionary<string, string?> InMemory = new() { ["PublicReadCache:Lifetime"] = "00:00:02" };

    [Fact]
    public async Task A_curator_signed_in_on_one_instance_is_signed_in_on_the_other_and_after_a_restart()
    {
        await using var first = await Instance.StartAsync(InMemory);
        await using var second = await Instance.StartAsync(InMemory, sameDatabaseAs: first);

        var email = await Curators.CreateAsync(first, "curator");
        using var signIn = await Curators.SignInAsync(first.CreateClient(), email, Curators.Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var cookies = string.Join("; ", signIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        Assert.Contains("kl-auth=", cookies);

        async Task<HttpStatusCode> AdminStatusAsync(Instance instance)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/en/admin");
            request.Headers.Add("Cookie", cookies);
            using var response = await instance.BareClient().SendAsync(request);
            return response.StatusCode;
        }
        Assert.Equal(HttpStatusCode.OK, await AdminStatusAsync(first));
        Assert.Equal(HttpStatusCode.OK, await AdminStatusAsync(second));

        // An antiforgery token issued by one instance is accepted by the other: a wrong password, not an expired form.
        var loginPage = await first.BareClient().GetAsync("/en/account/login");
        var antiforgeryCookie = string.Join("; ", loginPage.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        var document = await Html.ParseAsync(loginPage);
        var form = document.QuerySelector("form")!;
        var values = Curators.FormValues(form).Where(v => v.Key is not ("Input.Email" or "Input.Password")).ToList();
        values.Add(new("Input.Email", email));
        values.Add(new("Input.Password", "not the password at all"));
        using var post = new HttpRequestMessage(HttpMethod.Post, "/en/account/login") { Content = new FormUrlEncodedContent(values) };
        post.Headers.Add("Cookie", antiforgeryCookie);
        using var refused = await second.BareClient().SendAsync(post);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.DoesNotContain("kl-auth=", string.Join(",", refused.Headers.TryGetValues("Set-Cookie", out var set) ? set : []));

        // A new container over the same database: the key ring is read from there, the cookie still holds.
        await second.DisposeAsync();
        await using var restarted = await Instance.StartAsync(InMemory, sameDatabaseAs: first);
        Assert.Equal(HttpStatusCode.OK, await AdminStatusAsync(restarted));

        await using var db = first.OpenContext();
        Assert.True(await db.DataProtectionKeys.CountAsync() >= 1);
    }

    [Fact]
    public async Task A_listing_published_through_one_instance_is_served_by_the_other_within_the_cache_lifetime()
    {
        await using var first = await Instance.StartAsync(InMemory);
        await using var second = await Instance.StartAsync(InMemory, sameDatabaseAs: first);
        var waited = await PublishThroughFirstAndWaitOnSecondAsync(first, second, TimeSpan.FromSeconds(8));
        // The documented bound is the cache lifetime (2 s here) plus the time one request takes.
        Assert.True(waited < TimeSpan.FromSeconds(5), $"served after {waited.TotalSeconds:0.0} s");
    }

    [Fact]
    public async Task With_Redis_a_listing_published_through_one_instance_is_served_by_the_other_at_once()
    {
        await using var redis = await RedisServer.StartAsync();
        var shared = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = redis.Configuration,
            ["PublicReadCache:Lifetime"] = "00:10:00",
            ["PublicReadCache:RedisInstanceName"] = $"kl-test-{Guid.NewGuid():N}:",
        };
        await using var first = await Instance.StartAsync(shared);
        await using var second = await Instance.StartAsync(shared, sameDatabaseAs: first);
        var waited = await PublishThroughFirstAndWaitOnSecondAsync(first, second, TimeSpan.Zero);
        Assert.Equal(TimeSpan.Zero, waited);
    }

    /// <summary>
    /// Withdraws a listing, lets the second instance cache the list without it, publishes it through the first instance and
    /// returns how long the second took to show it (zero: at its very next request).
    /// </summary>
    private static async Task<TimeSpan> PublishThroughFirstAndWaitOnSecondAsync(Instance first, Instance second, TimeSpan patience)
    {
        const string list = "/en/cooperations?country=NO";
        await SetStatusAsync(first, CooperationStatus.Archived);
        var client = second.CreateClient();
        Assert.DoesNotContain("/cooperations/karakoje", await client.GetStringAsync(list));
        Assert.DoesNotContain("/cooperations/karakoje", await client.GetStringAsync(list)); // now from the second's cache

        await SetStatusAsync(first, CooperationStatus.Published);
        Assert.Contains("/cooperations/karakoje", await first.CreateClient().GetStringAsync(list));

        var watch = Stopwatch.StartNew();
        while (!(await client.GetStringAsync(list)).Contains("/cooperations/karakoje"))
        {
            if (watch.Elapsed > patience) throw new Xunit.Sdk.XunitException($"the second instance did not serve the listing within {patience.TotalSeconds} s");
            await Task.Delay(100);
        }
        return watch.Elapsed < TimeSpan.FromMilliseconds(1) || patience == TimeSpan.Zero ? TimeSpan.Zero : watch.Elapsed;
    }

    /// <summary>Through the instance's own services, as its editor saves.</summary>
    private static async Task SetStatusAsync(Instance instance, CooperationStatus status)
    {
        await using var scope = instance.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KreativLandDbContext>();
        var listing = await db.Cooperations.SingleAsync(c => c.Slug == "karakoje");
        // Along the workflow (archived goes back through draft and review), as an admin who overrides the review.
        var review = new ReviewDecision([], FourEyes: false, Override: true, Reason: "test");
        CooperationStatus[] path = status == CooperationStatus.Published && listing.Status == CooperationStatus.Archived
            ? [CooperationStatus.Draft, CooperationStatus.InReview, CooperationStatus.Published]
            : [status];
        foreach (var step in path)
            Assert.Null(listing.TransitionTo(step, Actor.CommandLine, DateTimeOffset.UtcNow, review, revisionPending: false));
        await db.SaveChangesAsync();
    }

    /// <summary>A redis-server of the test's own on a free loopback port, without persistence; killed at the end.</summary>
    private sealed class RedisServer(Process process, int port) : IAsyncDisposable
    {
        public string Configuration => $"127.0.0.1:{port},abortConnect=false";

        public static async Task<RedisServer> StartAsync()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            var start = new ProcessStartInfo("redis-server") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in new[] { "--bind", "127.0.0.1", "--port", port.ToString(), "--save", "", "--appendonly", "no", "--protected-mode", "yes" })
                start.ArgumentList.Add(argument);
            var process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start");
            var server = new RedisServer(process, port);
            for (var attempt = 0; attempt < 100; attempt++)
            {
                try
                {
                    using var client = new TcpClient();
                    await client.ConnectAsync(IPAddress.Loopback, port);
                    return server;
                }
                catch (SocketException) { await Task.Delay(50); }
            }
            await server.DisposeAsync();
            throw new InvalidOperationException("redis-server did not listen on " + port);
        }

        public async ValueTask DisposeAsync()
        {
            if (!process.HasExited) process.Kill();
            await process.WaitForExitAsync();
            process.Dispose();
        }
    }
}
