using System.Globalization;
using System.Text.RegularExpressions;
using KreativLand.Web.Domain;
using KreativLand.Web.Tests.Infrastructure;

namespace KreativLand.Web.Tests.Domain;

public partial class PopulationThresholdsTests
{
    [Fact]
    public void Germany_keeps_the_reports_20000()
    {
        Assert.Equal(20_000, PopulationThresholds.Derived("DE"));
    }

    [Theory]
    [InlineData("LU", 6_200)]
    [InlineData("SI", 6_500)]
    [InlineData("AT", 9_500)]
    [InlineData("FR", 16_200)]
    [InlineData("MT", 9_500)]
    [InlineData("IS", 1_900)]
    public void Other_countries_are_scaled_by_population_and_area(string country, int expected) =>
        Assert.Equal(expected, PopulationThresholds.Derived(country));

    [Fact]
    public void Every_EU_EFTA_and_candidate_country_and_the_UK_has_a_figure()
    {
        string[] eu = ["AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE"];
        string[] efta = ["IS", "LI", "NO", "CH"];
        string[] candidates = ["AL", "BA", "GE", "MD", "ME", "MK", "RS", "TR", "UA", "XK"];
        foreach (var code in eu.Concat(efta).Concat(candidates).Append("GB"))
            Assert.True(PopulationThresholds.Derived(code) is > 0, code);
        Assert.Equal(27, PopulationThresholds.Figures.Count(f => f.Group == PopulationThresholds.Eu));
        // Every other country is smaller or sparser than Germany, so its threshold is lower.
        Assert.All(PopulationThresholds.Figures.Where(f => f.CountryCode != "DE"), f => Assert.True(PopulationThresholds.Derive(f) < 20_000, f.CountryCode));
    }

    [Fact]
    public void An_admin_value_replaces_the_derived_one_and_a_country_without_either_has_none()
    {
        Assert.Equal(new PopulationThreshold("LU", 6_200, ThresholdSource.Derived), PopulationThresholds.For("LU", null));
        Assert.Equal(new PopulationThreshold("LU", 8_000, ThresholdSource.Admin), PopulationThresholds.For("LU", 8_000));
        Assert.Null(PopulationThresholds.For("AD", null));
        Assert.Null(PopulationThresholds.For(null, null));
    }

    [Fact]
    public void The_table_in_the_docs_is_the_codes()
    {
        var doc = File.ReadAllText(Path.Combine(SourceTree.Root, "docs", "inclusion-criteria.md"));
        var rows = TableRow().Matches(doc).Select(m => (
            Code: m.Groups["code"].Value,
            Population: int.Parse(m.Groups["population"].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture),
            Area: int.Parse(m.Groups["area"].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture),
            Threshold: int.Parse(m.Groups["threshold"].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture))).ToList();
        var expected = PopulationThresholds.Figures.Select(f => (f.CountryCode, f.PopulationThousands * 1000, f.AreaKm2, PopulationThresholds.Derive(f))).ToList();
        Assert.Equal(expected, rows);
    }

    [GeneratedRegex(@"^\| (?<code>[A-Z]{2}) \| [^|]+ \| [^|]+ \| (?<population>[\d,]+) \| (?<area>[\d,]+) \| (?<threshold>[\d,]+) \|$", RegexOptions.Multiline)]
    private static partial Regex TableRow();
}
