using KreativLand.Web.Domain;
using KreativLand.Web.Import;
using KreativLand.Web.Infrastructure;
using KreativLand.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;

namespace KreativLand.Web.Tests.Import;

/// <summary>`./run.sh generate N` and `generate --remove` (as the app's verbs `generate N` and `generate remove`).</summary>
public class SyntheticListingsTests(BasicDataWebFixture site) : IClassFixture<BasicDataWebFixture>
{
    private async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration["ConnectionStrings:KreativLand"] = site.ConnectionString;
        builder.AddKreativLand();
        await using var app = builder.Build();
        var output = Console.Out;
        using var captured = new StringWriter();
        Console.SetOut(captured);
        try { return ((await CommandLine.TryRunAsync(app, args))!.Value, captured.ToString()); }
        finally { Console.SetOut(output); }
    }

    [Fact]
    public async Task Generate_imports_realistic_published_listings_with_progress_and_remove_deletes_exactly_those()
    {
        await using var before = site.OpenContext();
        var ownListings = await before.Cooperations.CountAsync();
        var ownPartners = await before.Partners.CountAsync();

        var (exit, output) = await RunAsync("generate", "1200");
        Assert.Equal(0, exit);
        Assert.Contains("Generated 1,000 of 1,200 listings", output); // progress after each batch of 1,000
        Assert.Contains("Generated 1,200 of 1,200 listings", output);

        await using (var db = site.OpenContext())
        {
            var synthetic = db.Cooperations.Where(c => c.Slug.StartsWith(SyntheticListings.SlugPrefix));
            Assert.Equal(1200, await synthetic.CountAsync(c => c.Status == CooperationStatus.Published));
            var sample = await synthetic.Include(c => c.Partners).ThenInclude(p => p.Partner).OrderBy(c => c.Id).FirstAsync();
            Assert.False(string.IsNullOrWhiteSpace(sample.Title.De));
            Assert.False(string.IsNullOrWhiteSpace(sample.Title.En));
            Assert.False(string.IsNullOrWhiteSpace(sample.Description.En));
            Assert.InRange(sample.Location.Population ?? 0, 300, 40_000);
            Assert.True(Countries.IsCode(sample.Location.CountryCode));
            Assert.Contains(sample.Partners, p => p.Partner.Kind == PartnerKind.Sme);
            Assert.Contains(sample.Partners, p => p.Partner.SubsectorCode is not null);
            // Spread over Europe, not one country.
            Assert.True(await synthetic.Select(c => c.Location.CountryCode).Distinct().CountAsync() >= 15);
            // Shared creative partners: some partner pages list several cooperations.
            Assert.True(await db.Partners.CountAsync(p => p.Slug.StartsWith(SyntheticListings.SlugPrefix) && p.Cooperations.Count > 1) > 0);
        }
        // Searchable like imported listings (the search document is built by the database).
        var found = await site.CreateClient().GetJsonAsync("/api/v1/map?q=Brauerei");
        Assert.True(found.GetProperty("numberMatched").GetInt32() > 0);

        // Again: more listings, never the same slugs.
        Assert.Equal(0, (await RunAsync("generate", "5")).Exit);
        await using (var db = site.OpenContext())
            Assert.Equal(1205, await db.Cooperations.CountAsync(c => c.Slug.StartsWith(SyntheticListings.SlugPrefix)));

        var (removed, removeOutput) = await RunAsync("generate", "remove");
        Assert.Equal(0, removed);
        Assert.Contains("Removed 1205 synthetic listings", removeOutput);
        await using var after = site.OpenContext();
        Assert.Equal(ownListings, await after.Cooperations.CountAsync());
        Assert.Equal(ownPartners, await after.Partners.CountAsync());
    }

    [Theory]
    [InlineData("0")]
    [InlineData("many")]
    public async Task A_bad_count_is_refused_with_the_usage(string count)
    {
        var error = Console.Error;
        using var captured = new StringWriter();
        Console.SetError(captured);
        try { Assert.Equal(2, (await RunAsync("generate", count)).Exit); }
        finally { Console.SetError(error); }
        Assert.Contains("usage: generate N", captured.ToString());
    }
}
