using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace KreativLand.Web.Tests.Infrastructure;

/// <summary>
/// ./run.sh serves the build output (not a publish) in the Production environment. The fingerprinted and
/// compressed assets then live under obj/ and are only found when static web assets are switched on for
/// every environment; without that, browsers got empty, typeless CSS and JavaScript (blocked by nosniff).
/// </summary>
public class StaticAssetsTests : DatabaseFixture
{
    [Theory]
    [InlineData("gzip, deflate, br, zstd")]
    [InlineData("identity")]
    public async Task Production_build_output_serves_stylesheet_and_scripts_with_their_type(string acceptEncoding)
    {
        await InitializeAsync();
        try
        {
            await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
            {
                builder.UseEnvironment("Production");
                builder.UseSetting("ConnectionStrings:KreativLand", ConnectionString);
            });
            var client = factory.CreateClient();
            var home = await client.GetDocumentAsync("/de/");
            var assets = home.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!)
                .Concat(home.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")!)).ToList();
            Assert.Contains(assets, a => a.Contains("/css/site."));
            foreach (var asset in assets)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, asset);
                request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
                using var response = await client.SendAsync(request);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                var type = response.Content.Headers.ContentType?.MediaType;
                Assert.True(type is "text/css" or "text/javascript" or "application/javascript", $"{asset}: Content-Type '{type}'");
                Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 0, $"{asset}: empty body");
            }
        }
        finally
        {
            await DisposeAsync();
        }
    }
}
