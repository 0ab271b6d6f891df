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
}
