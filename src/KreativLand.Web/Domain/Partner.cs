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

    /// <summary>Set when this partner was merged into another as a duplicate: it keeps its history, its links moved there.</summary>
    public int? MergedIntoId { get; private set; }
    /// <summary>
    /// Optimistic-concurrency token (PostgreSQL xmin): the partner page carries it, so a save from a page older than another
    /// curator's change applied at once (no published listing shows the partner) is refused instead of overwriting it.
    /// </summary>
    public uint Version { get; set; }

    /// <summary>The details a listing shows; shared by all the partner's cooperations.</summary>
    public PartnerDetails Details => new(Name, Kind, Website, Sector, SectorCode, Employees, SubsectorCode, Municipality, CountryCode, IsUrban);

    /// <summary>A partner created with its details (new partners need no review: nothing public shows them yet).</summary>
    public static Partner Create(string slug, PartnerDetails details)
    {
        var partner = new Partner { Slug = slug };
        partner.Apply(details);
        return partner;
    }

    /// <summary>
    /// Sets the details and returns the changed fields. Called for partners no published listing shows, and when a
    /// held change is approved (<see cref="PartnerChange.Approve"/>); everything else proposes a <see cref="PartnerChange"/>.
    /// </summary>
    public IReadOnlyList<FieldChange> Apply(PartnerDetails details)
    {
        var changes = PartnerDetails.Diff(Details, details);
        Name = details.Name;
        Kind = details.Kind;
        Website = details.Website;
        Sector = details.Sector;
        SectorCode = details.SectorCode;
        Employees = details.Employees;
        SubsectorCode = details.SubsectorCode;
        Municipality = details.Municipality;
        CountryCode = details.CountryCode;
        IsUrban = details.IsUrban;
        return changes;
    }

    /// <summary>Marks this partner as a duplicate of <paramref name="target"/>; the caller moves the links.</summary>
    public void MergeInto(Partner target)
    {
        if (target.Id == Id || target.MergedIntoId is not null) throw new InvalidOperationException("cannot merge into itself or a merged partner");
        MergedIntoId = target.Id;
    }
}

/// <summary>An organisation's details as a value: compared field by field for the review of partner changes.</summary>
public sealed record PartnerDetails(
    string Name, PartnerKind Kind, string? Website, string? Sector, string? SectorCode, int? Employees, string? SubsectorCode,
    string? Municipality, string? CountryCode, bool? IsUrban)
{
    /// <summary>The fields that differ, named as in the import format (name, kind, website, …).</summary>
    public static List<FieldChange> Diff(PartnerDetails before, PartnerDetails after)
    {
        var changes = new List<FieldChange>();
        void Compare(string field, string? a, string? b) { if (a != b) changes.Add(new FieldChange(field, a, b)); }
        Compare("name", before.Name, after.Name);
        Compare("kind", Code.Of(before.Kind), Code.Of(after.Kind));
        Compare("website", before.Website, after.Website);
        Compare("sector", before.Sector, after.Sector);
        Compare("sectorCode", before.SectorCode, after.SectorCode);
        Compare("employees", before.Employees?.ToString(System.Globalization.CultureInfo.InvariantCulture), after.Employees?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Compare("subsector", before.SubsectorCode, after.SubsectorCode);
        Compare("municipality", before.Municipality, after.Municipality);
        Compare("country", before.CountryCode, after.CountryCode);
        Compare("urban", before.IsUrban?.ToString().ToLowerInvariant(), after.IsUrban?.ToString().ToLowerInvariant());
        return changes;
    }
}

public enum PartnerChangeStatus { Pending, Approved, Discarded }

/// <summary>
/// A change to a partner that published listings show: held for review like a listing's revision, the live pages
/// unchanged until a curator (not its author, under the four-eyes rule) approves it. Kept afterwards as the partner's history.
/// </summary>
public class PartnerChange
{
    public int Id { get; set; }
    public int PartnerId { get; set; }
    public Partner Partner { get; set; } = null!;
    /// <summary>The proposed details (jsonb).</summary>
    public PartnerDetails Proposed { get; set; } = null!;
    public string ProposedBy { get; set; } = "";
    public DateTimeOffset ProposedAt { get; set; }
    public PartnerChangeStatus Status { get; private set; } = PartnerChangeStatus.Pending;
    public string? DecidedBy { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    /// <summary>The reviewer's note; required for an admin's override.</summary>
    public string? Reason { get; private set; }
    public bool FourEyesOverridden { get; private set; }
    /// <summary>The fields the approval changed (before → after), kept for the history.</summary>
    public List<FieldChange> Applied { get; private set; } = [];
    /// <summary>Optimistic-concurrency token (PostgreSQL xmin).</summary>
    public uint Version { get; set; }

    /// <summary>A change that needed no review (no published listing shows the partner, or an admin's recorded override): applied at once, kept as history.</summary>
    public static PartnerChange AppliedAtOnce(Partner partner, PartnerDetails proposed, Actor actor, DateTimeOffset now, string? reason)
    {
        var change = new PartnerChange { Partner = partner, Proposed = proposed, ProposedBy = actor.Name, ProposedAt = now };
        change.Applied = [.. partner.Apply(proposed)];
        change.Decide(PartnerChangeStatus.Approved, actor, now, reason);
        return change;
    }

    /// <summary>A newer proposal replaces the pending one (one pending change per partner).</summary>
    public void Revise(PartnerDetails proposed, Actor actor, DateTimeOffset now)
    {
        if (Status != PartnerChangeStatus.Pending) throw new InvalidOperationException("decided");
        Proposed = proposed;
        ProposedBy = actor.Name;
        ProposedAt = now;
    }

    /// <summary>
    /// Applies the change to the partner (the caller writes the affected listings' audit entries from
    /// <see cref="Applied"/>). Four eyes: the proposer may not approve, unless an admin overrides with a reason.
    /// </summary>
    public Refusal? Approve(Actor actor, DateTimeOffset now, ReviewDecision review)
    {
        if (Status != PartnerChangeStatus.Pending) return new("Workflow.NotAllowed");
        if (review.SeenVersion is { } seen && seen != Version) return new("Workflow.RevisionStale");
        // The rule of publishing (reason, four eyes, an admin's override) with the proposer as the author.
        if (Workflow.Refusal(CooperationStatus.InReview, CooperationStatus.Published, review, actor, ProposedBy) is { } refusal) return refusal;
        var ownWork = Workflow.FourEyesApplies(review, actor, ProposedBy);
        Applied = [.. Partner.Apply(Proposed)];
        Decide(PartnerChangeStatus.Approved, actor, now, review.CleanReason);
        FourEyesOverridden = ownWork;
        return null;
    }

    /// <summary>
    /// Drops the change. The partner page first checks that it is the change its curator saw (Pages/Admin/Partners/SeenChange),
    /// as it does for a save, an approval or a merge (which drops the duplicate's change with it).
    /// </summary>
    public void Discard(Actor actor, DateTimeOffset now, string? reason)
    {
        if (Status != PartnerChangeStatus.Pending) return;
        Decide(PartnerChangeStatus.Discarded, actor, now, reason.TrimOrNull());
    }

    private void Decide(PartnerChangeStatus status, Actor actor, DateTimeOffset now, string? reason)
    {
        Status = status;
        DecidedBy = actor.Name;
        DecidedAt = now;
        Reason = reason;
    }
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
