using KreativLand.Web.Domain;

namespace KreativLand.Web.Tests.Domain;

public class CooperationTests
{
    [Theory]
    [InlineData(2018, null, true, 2026, 8)]
    [InlineData(2018, 2020, false, 2026, 2)]
    [InlineData(2018, null, false, 2026, 8)] // end unknown: counts as still running
    [InlineData(2026, null, true, 2026, 0)]
    public void Duration_counts_whole_years(int start, int? end, bool ongoing, int now, int expected) =>
        Assert.Equal(expected, Duration.Years(start, end, ongoing, now));

    [Fact]
    public void Duration_is_unknown_without_a_start() => Assert.Null(Duration.Years(null, 2020, false, 2026));

    [Theory]
    [InlineData("timberstore-silentgate", true)]
    [InlineData("a1", true)]
    [InlineData("Timberstore", false)]
    [InlineData("double--dash", false)]
    [InlineData("-leading", false)]
    [InlineData("ümlaut", false)]
    [InlineData("", false)]
    public void Slug_rules(string slug, bool valid) => Assert.Equal(valid, Slugs.IsValid(slug));

    [Theory]
    [InlineData("Gölles Erlebniswelt", "goelles-erlebniswelt")]
    [InlineData("KaraKøje – Das geflämmte Zirbenbett", "karakoeje-das-geflaemmte-zirbenbett")]
    [InlineData("BUTZE! × KUBIO", "butze-kubio")]
    [InlineData("Café Crème", "cafe-creme")]
    public void Slugs_from_names_are_readable(string name, string slug)
    {
        Assert.Equal(slug, Slugs.From(name));
        Assert.True(Slugs.IsValid(Slugs.From(name)));
    }

    [Fact]
    public void Points_are_longitude_first()
    {
        var point = GeoPoints.Create(longitude: 13.1, latitude: 50.6);
        Assert.Equal(13.1, point.X);
        Assert.Equal(50.6, point.Y);
        Assert.Equal(4326, point.SRID);
    }

    [Theory]
    [InlineData("DE", true)]
    [InlineData("AT", true)]
    [InlineData("XK", true)]
    [InlineData("de", false)]
    [InlineData("DEU", false)]
    [InlineData("ZZ", false)]
    public void Country_codes(string code, bool valid) => Assert.Equal(valid, Countries.IsCode(code));
}
