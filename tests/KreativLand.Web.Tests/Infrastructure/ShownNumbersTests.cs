using System.Globalization;
using KreativLand.Web.Infrastructure;
using Microsoft.Extensions.Localization;

namespace KreativLand.Web.Tests.Infrastructure;

/// <summary>Counts are grouped the way the reader's language writes them, through the resource texts and the one helper.</summary>
public class ShownNumbersTests
{
    private static readonly IStringLocalizer Text = new ResourceManagerStringLocalizerFactory(
            Microsoft.Extensions.Options.Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }),
            Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance)
        .Create(typeof(KreativLand.Web.SharedResource));

    /// <summary>Runs <paramref name="read"/> in <paramref name="language"/> as a request in that language does (culture and UI culture).</summary>
    private static string In(string language, Func<string> read)
    {
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
        try { return read(); }
        finally { (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture); }
    }

    [Theory]
    [InlineData("de", "10.011")]
    [InlineData("en", "10,011")]
    public void A_count_a_page_writes_is_grouped(string language, string expected) =>
        Assert.Equal(expected, In(language, () => ShownNumbers.Count(10011)));

    [Theory]
    [InlineData("de", "10.011 veröffentlichte Kooperationen", "Seite 3 von 1.002", "1.257 von 10.011 (12,6 %)", "Alle 10.011 Ergebnisse in der Liste ansehen")]
    [InlineData("en", "10,011 published cooperations", "Page 3 of 1,002", "1,257 of 10,011 (12.6 %)", "See all 10,011 results in the list")]
    public void Resource_texts_group_their_counts(string language, string list, string pager, string share, string showAll)
    {
        Assert.Equal(list, In(language, () => Text["Cooperations.Count", 10011].Value));
        Assert.Equal(pager, In(language, () => Text["Pager.PageOf", 3, 1002].Value));
        Assert.Equal(share, In(language, () => Text["Evaluation.Share", 1257, 10011, language == "de" ? "12,6" : "12.6"].Value));
        Assert.Equal(showAll, In(language, () => Text["Map.ShowAll", 10011].Value));
    }

    [Theory]
    [InlineData("de", "{0} Kooperationen gefunden", "({0})", "seit 2023, laufend")]
    [InlineData("en", "{0} cooperations found", "({0})", "since 2023, ongoing")]
    public void Templates_for_scripts_keep_a_plain_placeholder_and_years_are_not_grouped(string language, string results, string facet, string since)
    {
        // The pages hand scripts L["Key", "{0}"]: a text argument ignores N0, so the script still finds "{0}".
        Assert.Equal(results, In(language, () => Text["Map.Results", "{0}"].Value));
        Assert.Equal(facet, In(language, () => Text["Filter.Count", "{0}"].Value));
        Assert.Equal(since, In(language, () => Text["Profile.SinceOngoing", 2023].Value));
    }
}
