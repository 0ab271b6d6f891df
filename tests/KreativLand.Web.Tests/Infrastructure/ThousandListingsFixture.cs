using KreativLand.Web.Import;

namespace KreativLand.Web.Tests.Infrastructure;

/// <summary>
/// The sample data plus 1,040 generated listings (./run.sh generate) over a real port, one site for every class that only reads
/// (see <see cref="WebFixture.Shared"/>): counts of four digits (GroupedCountsTests) and more than one page of OGC's maximum
/// limit (OgcClientsTests). Generated once per run instead of once per class.
/// </summary>
public sealed class ThousandListingsFixture : WebFixture
{
    public const int Generated = 1040;

    protected override bool UseRealServer => true;

    protected override bool Shared => true;

    /// <summary>The sample data and the generated listings, seeded by the shared site itself.</summary>
    protected override string? DataSet => null;

    protected override async Task SeedAsync()
    {
        await base.SeedAsync();
        Assert.Equal(0, await SyntheticListings.GenerateAsync(Factory.Services, Generated, TextWriter.Null));
    }

    public string Ogc => BaseAddress.ToString().TrimEnd('/') + "/ogc";
}
