using KreativLand.Web.Domain;

namespace KreativLand.Web.Tests.Domain;

/// <summary>A listing's free-text region becomes one state per country: the tables know the names in every usual spelling.</summary>
public class SubdivisionsTests
{
    [Theory]
    [InlineData("DE", "Sachsen", "DE-sachsen")]
    [InlineData("DE", " Freistaat Sachsen ", "DE-sachsen")]
    [InlineData("DE", "Saxony", "DE-sachsen")]
    [InlineData("DE", "SN", "DE-sachsen")]
    [InlineData("DE", "DE-SN", "DE-sachsen")]
    [InlineData("DE", "sachsen-anhalt", "DE-sachsen-anhalt")]
    [InlineData("DE", "Thueringen", "DE-thueringen")]
    [InlineData("DE", "Thuringia", "DE-thueringen")]
    [InlineData("DE", "Baden-Wurttemberg", "DE-baden-wuerttemberg")]
    [InlineData("DE", "Nordrhein Westfalen", "DE-nordrhein-westfalen")]
    [InlineData("AT", "Tyrol", "AT-tirol")]
    [InlineData("AT", "Land Salzburg", "AT-salzburg")]
    [InlineData("AT", "Niederoesterreich", "AT-niederoesterreich")]
    [InlineData("AT", "AT-7", "AT-tirol")]
    [InlineData("CH", "Kanton Graubünden", "CH-graubuenden")]
    [InlineData("CH", "Genève", "CH-genf")]
    [InlineData("GB", "Schottland", "GB-scotland")]
    // Elsewhere the text itself, without case, accents and punctuation.
    [InlineData("IT", "Toscana", "IT-toscana")]
    [InlineData("IT", " toscana", "IT-toscana")]
    [InlineData("FR", "Île-de-France", "FR-ile-de-france")]
    [InlineData("NO", "Trøndelag", "NO-trondelag")]
    // A text a table does not know stays a region of its own rather than vanishing.
    [InlineData("DE", "Erzgebirge", "DE-erzgebirge")]
    public void Normalises_the_region_text(string country, string text, string key)
    {
        Assert.Equal(key, Subdivisions.Normalise(country, text)!.Key);
    }

    [Theory]
    [InlineData("DE", null)]
    [InlineData("DE", "  ")]
    [InlineData("DE", "–")]
    [InlineData("ZZ", "Sachsen")]
    public void Nothing_to_normalise_gives_no_state(string country, string? text)
    {
        Assert.Null(Subdivisions.Normalise(country, text));
    }

    [Fact]
    public void Known_states_have_names_in_both_languages_and_the_ISO_code()
    {
        var saxony = Subdivisions.Normalise("DE", "Freistaat Sachsen")!;
        Assert.Equal(("Sachsen", "Saxony", "DE-SN"), (saxony.NameIn("de"), saxony.NameIn("en"), saxony.IsoCode));
        var vienna = Subdivisions.Normalise("AT", "Wien")!;
        Assert.Equal(("Wien", "Vienna", "AT-9"), (vienna.NameIn("de"), vienna.NameIn("en"), vienna.IsoCode));
        Assert.Equal(16, Subdivisions.Of("DE").Count());
        Assert.Equal(9, Subdivisions.Of("AT").Count());
        Assert.Equal(26, Subdivisions.Of("CH").Count());
        // Every key of a table is its own slug and every name leads back to it.
        foreach (var country in Subdivisions.TabledCountries)
        foreach (var state in Subdivisions.Of(country))
        {
            Assert.True(Subdivisions.IsWellFormedKey(state.Key), state.Key);
            Assert.Equal(state.Key, Subdivisions.Normalise(country, state.NameDe)!.Key);
            Assert.Equal(state.Key, Subdivisions.Normalise(country, state.NameEn)!.Key);
            Assert.Equal(state.Key, Subdivisions.FindKnown(state.IsoCode!)!.Key);
        }
    }

    [Theory]
    [InlineData("DE-sachsen", "DE-sachsen")]
    [InlineData("de-SN", "DE-sachsen")]
    [InlineData("Tirol", "AT-tirol")]
    [InlineData("Saxony", "DE-sachsen")]
    [InlineData("Styria", "AT-steiermark")]
    [InlineData("Toscana", null)] // not tabled: only a key names it
    [InlineData("Bern", "CH-bern")]
    public void Finds_known_states_by_key_code_or_unique_name(string value, string? key)
    {
        Assert.Equal(key, Subdivisions.FindKnown(value)?.Key);
    }

    [Theory]
    [InlineData("IT-toscana", true)]
    [InlineData("DE-sachsen", true)]
    [InlineData("DE-atlantis", false)] // Germany's table has no such Land
    [InlineData("ZZ-nowhere", false)]
    [InlineData("IT-Toscana", false)] // keys are lower case after the country
    [InlineData("IT-", false)]
    [InlineData("sachsen", false)]
    public void Well_formed_keys(string key, bool expected)
    {
        Assert.Equal(expected, Subdivisions.IsWellFormedKey(key));
    }

    [Theory]
    [InlineData("DE", "13", "DE-sachsen")]
    [InlineData("DE", "02", "DE-bayern")]
    [InlineData("AT", "07", "AT-tirol")]
    [InlineData("CH", "ZH", "CH-zuerich")]
    [InlineData("GB", "WLS", "GB-wales")]
    [InlineData("IT", "09", null)]
    public void GeoNames_first_level_codes(string country, string admin1, string? key)
    {
        Assert.Equal(key, Subdivisions.FromGeoNames(country, admin1)?.Key);
    }
}
