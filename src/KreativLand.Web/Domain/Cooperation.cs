using System.Text.RegularExpressions;
using NetTopologySuite.Geometries;

namespace KreativLand.Web.Domain;

/// <summary>A listing: one cooperation between an SME and a partner from the cultural and creative industries.</summary>
public class Cooperation
{
    public int Id { get; set; }
    public string Slug { get; set; } = "";
    public CooperationStatus Status { get; set; } = CooperationStatus.Draft;

    public LocalizedText Title { get; set => field = value ?? LocalizedText.Empty; } = LocalizedText.Empty;
    public LocalizedText Summary { get; set => field = value ?? LocalizedText.Empty; } = LocalizedText.Empty;
    public LocalizedText Description { get; set => field = value ?? LocalizedText.Empty; } = LocalizedText.Empty;

    public int? StartYear { get; set; }
    public int? EndYear { get; set; }
    public bool Ongoing { get; set; }
    /// <summary>Null when unknown.</summary>
    public bool? ContinuousSinceStart { get; set; }

    public List<ContactOrigin> ContactOrigins { get; set; } = [];
    public List<RegionValue> RegionValues { get; set; } = [];
    public List<PartnerValue> PartnerValues { get; set; } = [];

    public LocalizedText AdviceForSmes { get; set => field = value ?? LocalizedText.Empty; } = LocalizedText.Empty;
    public LocalizedText AdviceForCreatives { get; set => field = value ?? LocalizedText.Empty; } = LocalizedText.Empty;
    public LocalizedText AdviceForPolicy { get; set => field = value ?? LocalizedText.Empty; } = LocalizedText.Empty;

    public List<Quote> Quotes { get; set; } = [];
    public List<MediaLink> Media { get; set; } = [];
    public List<Image> Images { get; set; } = [];

    public Location Location { get; set; } = new();

    public List<CooperationPartner> Partners { get; set; } = [];

    /// <summary>Maintained by the database; only for queries.</summary>
    public CooperationSearch? Search { get; set; }

    // Inclusion criteria the curator attests (the others are read from the data: see InclusionCriteria).
    public Attestation EconomicBackground { get; set => field = value ?? Attestation.Empty; } = Attestation.Empty;
    public Attestation EqualTerms { get; set => field = value ?? Attestation.Empty; } = Attestation.Empty;
    public Attestation RegionalEffects { get; set => field = value ?? Attestation.Empty; } = Attestation.Empty;

    /// <summary>Contact address of a public submission; never shown on public pages.</summary>
    public string? SubmitterEmail { get; set; }
    /// <summary>When a curator last published (checked) the listing; drives the "due for review" list.</summary>
    public DateTimeOffset? LastReviewedAt { get; set; }
    /// <summary>The curator (e-mail) a listing in the queue is assigned to.</summary>
    public string? AssignedTo { get; set; }

    public List<StatusChange> StatusChanges { get; set; } = [];
    public List<AuditEntry> AuditEntries { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }

    /// <summary>Optimistic-concurrency token (PostgreSQL xmin).</summary>
    public uint Version { get; set; }

    /// <summary>Years the cooperation has lasted, counting to <paramref name="currentYear"/> while it goes on; null when the start is unknown.</summary>
    public int? DurationYears(int currentYear) => Duration.Years(StartYear, EndYear, Ongoing, currentYear);
}

public static class Duration
{
    public static int? Years(int? startYear, int? endYear, bool ongoing, int currentYear)
    {
        if (startYear is null) return null;
        var end = ongoing ? currentYear : endYear ?? currentYear;
        return Math.Max(0, end - startYear.Value);
    }
}

public static partial class Slugs
{
    public const int MaxLength = 120;

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex Pattern();

    public static bool IsValid(string? slug) => slug is { Length: > 0 and <= MaxLength } && Pattern().IsMatch(slug);

    /// <summary>Makes a readable slug from a name: "Gölles Erlebniswelt" → "goelles-erlebniswelt".</summary>
    public static string From(string text)
    {
        var builder = new System.Text.StringBuilder();
        foreach (var ch in text.ToLowerInvariant())
        {
            var mapped = ch switch
            {
                'ä' => "ae", 'ö' => "oe", 'ü' => "ue", 'ß' => "ss", 'ø' => "oe", 'æ' => "ae", 'å' => "aa",
                _ when char.IsAsciiLetterOrDigit(ch) => ch.ToString(),
                _ => RemoveDiacritics(ch),
            };
            builder.Append(mapped);
        }
        var slug = DashRuns().Replace(builder.ToString(), "-").Trim('-');
        return slug.Length > MaxLength ? slug[..MaxLength].TrimEnd('-') : slug;
    }

    private static string RemoveDiacritics(char ch)
    {
        var decomposed = ch.ToString().Normalize(System.Text.NormalizationForm.FormD);
        var basic = decomposed.Where(char.IsAsciiLetterOrDigit).ToArray();
        return basic.Length > 0 ? new string(basic) : "-";
    }

    [GeneratedRegex("-+")]
    private static partial Regex DashRuns();
}

public class Location
{
    public string Municipality { get; set; } = "";
    public int? Population { get; set; }
    public string? District { get; set; }
    public string? Region { get; set; }
    /// <summary>ISO 3166-1 alpha-2, upper case.</summary>
    public string CountryCode { get; set; } = "";
    /// <summary>SRID 4326; X is longitude, Y latitude.</summary>
    public Point Point { get; set; } = GeoPoints.Create(0, 0);

    public double Latitude => Point.Y;
    public double Longitude => Point.X;
}

public static class GeoPoints
{
    public const int Wgs84 = 4326;
    private static readonly GeometryFactory Factory = NetTopologySuite.NtsGeometryServices.Instance.CreateGeometryFactory(Wgs84);

    public static Point Create(double longitude, double latitude) => Factory.CreatePoint(new Coordinate(longitude, latitude));
}

public class Quote
{
    public LocalizedText Text { get; set => field = value ?? LocalizedText.Empty; } = LocalizedText.Empty;
    public string Person { get; set; } = "";
    public string? Role { get; set; }
}

public class MediaLink
{
    public MediaKind Kind { get; set; }
    public string Url { get; set; } = "";
    public string? Title { get; set; }
}

public class Image
{
    public string Url { get; set; } = "";
    public LocalizedText Alt { get; set => field = value ?? LocalizedText.Empty; } = LocalizedText.Empty;
    public string? Credit { get; set; }
}
