using KreativLand.Web.Domain;

namespace KreativLand.Web.Tests.Domain;

public class CodesTests
{
    [Theory]
    [InlineData(CooperationStatus.InReview, "in-review")]
    [InlineData(CooperationStatus.Published, "published")]
    public void Status_codes_are_kebab_case(CooperationStatus status, string code)
    {
        Assert.Equal(code, Code.Of(status));
        Assert.Equal(status, Code.Parse<CooperationStatus>(code));
    }

    [Fact]
    public void Every_code_round_trips()
    {
        foreach (var value in Enum.GetValues<RegionValue>()) Assert.Equal(value, Code.Parse<RegionValue>(Code.Of(value)));
        Assert.Equal(["targeted-contact", "previous-collaboration", "joint-events"], Code.All<ContactOrigin>());
    }

    [Theory]
    [InlineData("InReview")]
    [InlineData("published ")]
    [InlineData("")]
    [InlineData(null)]
    public void Unknown_codes_are_refused(string? code) => Assert.False(Code.TryParse<CooperationStatus>(code, out _));

    [Fact]
    public void Twelve_subsectors_with_unique_codes_and_both_names()
    {
        Assert.Equal(12, Subsector.Seed.Count);
        Assert.Equal(12, Subsector.Seed.Select(s => s.Code).Distinct().Count());
        Assert.All(Subsector.Seed, s => { Assert.NotEmpty(s.NameDe); Assert.NotEmpty(s.NameEn); Assert.True(Slugs.IsValid(s.Code)); });
    }
}
