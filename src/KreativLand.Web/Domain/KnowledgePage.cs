namespace KreativLand.Web.Domain;

/// <summary>
/// A page of background knowledge (inclusion criteria, learnings, advice), written in Markdown in German
/// and English and edited by curators. Rendered through <see cref="Infrastructure.MarkdownHtml"/>, which sanitises.
/// </summary>
public class KnowledgePage
{
    public const int MaxTitleLength = 200;
    public const int MaxSummaryLength = 400;

    public int Id { get; set; }
    public string Slug { get; set; } = "";
    public string TitleDe { get; set; } = "";
    public string TitleEn { get; set; } = "";
    /// <summary>One or two plain-text sentences for the overview and the meta description.</summary>
    public string SummaryDe { get; set; } = "";
    public string SummaryEn { get; set; } = "";
    /// <summary>Markdown.</summary>
    public string BodyDe { get; set; } = "";
    public string BodyEn { get; set; } = "";
    /// <summary>Slugs of cooperations shown as examples (only published ones appear).</summary>
    public List<string> ExampleSlugs { get; set; } = [];
    public int SortOrder { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Optimistic-concurrency token (PostgreSQL xmin) for the curators' editor.</summary>
    public uint Version { get; set; }

    public LocalizedText Title => new(TitleDe, TitleEn);
    public LocalizedText Summary => new(SummaryDe, SummaryEn);
    public LocalizedText Body => new(BodyDe, BodyEn);
}
