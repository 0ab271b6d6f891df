namespace KreativLand.Web.Domain;

/// <summary>
/// A page the operator is responsible for by law: the imprint (Impressum) and the privacy notice (Datenschutzerklärung).
/// Markdown in German and English, edited by admins, rendered through <see cref="Infrastructure.MarkdownHtml"/>.
/// </summary>
public class LegalPage
{
    public const string Imprint = "imprint";
    public const string Privacy = "privacy";
    public static readonly string[] Slugs = [Imprint, Privacy];
    public const int MaxTitleLength = 200;
    public const int MaxBodyLength = 50_000;

    public int Id { get; set; }
    public string Slug { get; set; } = "";
    public string TitleDe { get; set; } = "";
    public string TitleEn { get; set; } = "";
    public string BodyDe { get; set; } = "";
    public string BodyEn { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>Who saved last (the admin's e-mail); null for the text the migration wrote.</summary>
    public string? UpdatedBy { get; set; }

    /// <summary>Optimistic-concurrency token (PostgreSQL xmin).</summary>
    public uint Version { get; set; }

    public LocalizedText Title => new(TitleDe, TitleEn);
    public LocalizedText Body => new(BodyDe, BodyEn);
}
