namespace KreativLand.Web.Domain;

/// <summary>An organisation taking part in one or more cooperations.</summary>
public class Partner
{
    public int Id { get; set; }
    public string Slug { get; set; } = "";
    public string Name { get; set; } = "";
    public PartnerKind Kind { get; set; }
    public string? Website { get; set; }
    /// <summary>An SME's sector as a NACE Rev. 2 section (A–U): what lists, filters and the evaluation count by.</summary>
    public string? SectorCode { get; set; }
    /// <summary>The sector in the curator's own words, kept as a detail beside the code ("Forestry").</summary>
    public string? Sector { get; set; }
    public int? Employees { get; set; }
    /// <summary>For CCI partners: one of the twelve subsectors.</summary>
    public string? SubsectorCode { get; set; }
    public Subsector? Subsector { get; set; }
    public string? Municipality { get; set; }
    public string? CountryCode { get; set; }
    /// <summary>Whether the partner's seat is in an urban area; null when unknown.</summary>
    public bool? IsUrban { get; set; }

    public List<CooperationPartner> Cooperations { get; set; } = [];
}

/// <summary>A partner's part in one cooperation.</summary>
public class CooperationPartner
{
    public int CooperationId { get; set; }
    public Cooperation Cooperation { get; set; } = null!;
    public int PartnerId { get; set; }
    public Partner Partner { get; set; } = null!;
    public LocalizedText Role { get; set => field = value ?? LocalizedText.Empty; } = LocalizedText.Empty;
    public int SortOrder { get; set; }
}

/// <summary>One of the twelve sub-markets of the cultural and creative industries.</summary>
public class Subsector
{
    public string Code { get; set; } = "";
    public string NameDe { get; set; } = "";
    public string NameEn { get; set; } = "";
    public LocalizedText Name => new(NameDe, NameEn);
    public int SortOrder { get; set; }
    /// <summary>Marker and badge colour on the map (hex).</summary>
    public string Colour { get; set; } = "#555555";

    /// <summary>The subsector with this code, or null: the twelve are fixed, so no database is asked.</summary>
    public static Subsector? Find(string? code) => Seed.FirstOrDefault(s => s.Code == code);

    public static bool IsCode(string? code) => Find(code) is not null;

    public static IReadOnlyList<Subsector> Seed { get; } =
    [
        new() { Code = "music", NameDe = "Musikwirtschaft", NameEn = "Music industry", SortOrder = 1, Colour = "#1f5f99" },
        new() { Code = "books", NameDe = "Buchmarkt", NameEn = "Book market", SortOrder = 2, Colour = "#7a4a3d" },
        new() { Code = "art-market", NameDe = "Kunstmarkt", NameEn = "Art market", SortOrder = 3, Colour = "#6f4a99" },
        new() { Code = "film", NameDe = "Filmwirtschaft", NameEn = "Film industry", SortOrder = 4, Colour = "#b02020" },
        new() { Code = "broadcasting", NameDe = "Rundfunkwirtschaft", NameEn = "Broadcasting", SortOrder = 5, Colour = "#9c3d7e" },
        new() { Code = "performing-arts", NameDe = "Markt für darstellende Künste", NameEn = "Performing arts", SortOrder = 6, Colour = "#ad4f00" },
        new() { Code = "design", NameDe = "Designwirtschaft", NameEn = "Design", SortOrder = 7, Colour = "#0f7a5c" },
        new() { Code = "architecture", NameDe = "Architekturmarkt", NameEn = "Architecture", SortOrder = 8, Colour = "#4a5a6a" },
        new() { Code = "press", NameDe = "Pressemarkt", NameEn = "Press", SortOrder = 9, Colour = "#6b5d00" },
        new() { Code = "advertising", NameDe = "Werbemarkt", NameEn = "Advertising", SortOrder = 10, Colour = "#b8006b" },
        new() { Code = "software-games", NameDe = "Software- und Games-Industrie", NameEn = "Software & games", SortOrder = 11, Colour = "#2b50c8" },
        new() { Code = "arts-crafts", NameDe = "Kunsthandwerk", NameEn = "Arts & crafts", SortOrder = 12, Colour = "#4d6b00" },
    ];
}
