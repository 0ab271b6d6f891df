using KreativLand.Web.Domain;

namespace KreativLand.Web.Tests.Domain;

public class LocalizedTextTests
{
    [Fact]
    public void Picks_the_requested_language()
    {
        var text = new LocalizedText("Wald", "Forest");
        Assert.Equal(new Translated("Forest", "en", false), text.In("en"));
        Assert.Equal(new Translated("Wald", "de", false), text.In("de"));
    }

    [Fact]
    public void Falls_back_to_the_other_language_and_says_so()
    {
        var germanOnly = new LocalizedText("Wald", null);
        var translated = germanOnly.In("en");
        Assert.Equal("Wald", translated.Text);
        Assert.Equal("de", translated.Language);
        Assert.True(translated.IsFallback);

        Assert.True(new LocalizedText("  ", "Forest").In("de").IsFallback);
    }

    [Fact]
    public void Empty_when_neither_language_has_text()
    {
        Assert.True(new LocalizedText(null, " ").IsEmpty);
        Assert.False(new LocalizedText(null, " ").In("de").HasText);
    }
}
