using KreativLand.Web.Domain;

namespace KreativLand.Web.Tests.Domain;

public class SlugsTests
{
    [Theory]
    [InlineData("Gölles Erlebniswelt", "goelles-erlebniswelt")]
    [InlineData("Kreativ 🎭 auf dem Land 🚜", "kreativ-auf-dem-land")]
    [InlineData("🎭🎨", "")]
    [InlineData("Ελαιώνας Κρήτης", "elaionas-kritis")]
    [InlineData("Пекарня «Хлеб»", "pekarnia-khleb")]
    [InlineData("Łódź Design Œuvre", "lodz-design-oeuvre")]
    [InlineData("مخبز القرية", "")]
    [InlineData("ab\u200Bcd\u202Eef", "ab-cd-ef")]
    [InlineData("x\uD800y", "x-y")] // a lone surrogate is only a separator
    [InlineData("'; DROP TABLE cooperations; --", "drop-table-cooperations")]
    [InlineData("../../etc/passwd", "etc-passwd")]
    public void Any_text_gives_a_valid_slug_or_an_empty_one(string title, string expected)
    {
        var slug = Slugs.From(title);
        Assert.Equal(expected, slug);
        Assert.True(slug.Length == 0 || Slugs.IsValid(slug), slug);
    }

    [Fact]
    public void Characters_of_every_plane_never_throw()
    {
        var text = new System.Text.StringBuilder();
        for (var codePoint = 0; codePoint <= 0x10FFFF; codePoint += 97)
        {
            if (codePoint is >= 0xD800 and <= 0xDFFF) { text.Append((char)codePoint); continue; }
            text.Append(char.ConvertFromUtf32(codePoint));
        }
        var slug = Slugs.From(text.ToString());
        Assert.True(slug.Length == 0 || Slugs.IsValid(slug), slug);
    }

    [Fact]
    public void The_allocator_numbers_taken_slugs()
    {
        HashSet<string> taken = ["hofladen", "hofladen-2"];
        Assert.Equal("hofladen-3", Slugs.Allocate("Hofladen", "listing", taken.Contains));
        Assert.Equal("scheune", Slugs.Allocate("Scheune", "listing", taken.Contains));
        // A text that spells no slug gets the fallback word, numbered like any other.
        Assert.Equal("listing", Slugs.Allocate("🎭", "listing", taken.Contains));
        Assert.Equal("listing-2", Slugs.Allocate("🎭", "listing", candidate => candidate == "listing"));
    }

    [Fact]
    public void The_allocator_qualifies_before_numbering()
    {
        HashSet<string> taken = ["oberland"];
        Assert.Equal("oberland-district", Slugs.Allocate("Oberland", "district", taken.Contains, qualifier: "district"));
        taken.Add("oberland-district");
        Assert.Equal("oberland-district-2", Slugs.Allocate("Oberland", "district", taken.Contains, qualifier: "district"));
        // Always qualified (a submission's random qualifier): never the plain slug, even when it is free.
        Assert.Equal("scheune-a1b2c3", Slugs.Allocate("Scheune", "submission", _ => false, "a1b2c3", alwaysQualified: true));
    }

    [Fact]
    public async Task Allocated_slugs_stay_valid_at_full_length()
    {
        var longText = string.Join(' ', Enumerable.Repeat("Kreativwirtschaft", 12));
        var first = Slugs.From(longText);
        Assert.InRange(first.Length, Slugs.MaxLength - 20, Slugs.MaxLength);
        var numbered = await Slugs.AllocateAsync(longText, "listing", candidate => Task.FromResult(candidate == first));
        Assert.True(Slugs.IsValid(numbered), numbered);
        Assert.EndsWith("-2", numbered, StringComparison.Ordinal);
        var qualified = Slugs.Allocate(longText, "submission", _ => false, "a1b2c3", alwaysQualified: true);
        Assert.True(Slugs.IsValid(qualified), qualified);
        Assert.EndsWith("-a1b2c3", qualified, StringComparison.Ordinal);
    }
}
