using KreativLand.Web.Data;
using KreativLand.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace KreativLand.Web.Listings;

/// <summary>What the public sees of a cooperation in lists: used by the home page, the list and the partner page.</summary>
public sealed record CooperationCard(
    int Id,
    string Slug,
    LocalizedText Title,
    LocalizedText Summary,
    string Municipality,
    string CountryCode,
    int? StartYear,
    DateTimeOffset? PublishedAt,
    IReadOnlyList<CooperationCard.PartnerName> Partners,
    IReadOnlyList<SubsectorBadge> Subsectors)
{
    public sealed record PartnerName(string Slug, string Name, PartnerKind Kind);
}

public sealed record SubsectorBadge(string Code, string NameDe, string NameEn, string Colour)
{
    public string Name(string language) => language == Languages.English ? NameEn : NameDe;
}

public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int Total)
{
    public int PageCount => Math.Max(1, (int)Math.Ceiling(Total / (double)PageSize));
    public bool HasPrevious => PageNumber > 1;
    public bool HasNext => PageNumber < PageCount;
}

public static class CooperationQueries
{
    public static IQueryable<Cooperation> Published(KreativLandDbContext db) =>
        db.Cooperations.AsNoTracking().Where(c => c.Status == CooperationStatus.Published);

    /// <summary>A partner is public only through at least one published cooperation (partner pages, sitemap).</summary>
    public static IQueryable<Partner> PublicPartners(KreativLandDbContext db) =>
        db.Partners.AsNoTracking().Where(p => p.Cooperations.Any(cp => cp.Cooperation.Status == CooperationStatus.Published));

    public static async Task<IReadOnlyList<CooperationCard>> PublishedCardsOfPartners(
        KreativLandDbContext db, IReadOnlyCollection<int> partnerIds, int exceptCooperationId, CancellationToken cancellationToken = default)
    {
        var items = await ToCards(Published(db)
                .Where(c => c.Id != exceptCooperationId && c.Partners.Any(p => partnerIds.Contains(p.PartnerId)))
                .OrderByDescending(c => c.StartYear).ThenBy(c => c.Slug))
            .ToListAsync(cancellationToken);
        return items.Select(DistinctSubsectors).ToList();
    }

    public static IQueryable<CooperationCard> ToCards(IQueryable<Cooperation> query) =>
        query.Select(c => new CooperationCard(
            c.Id,
            c.Slug,
            new LocalizedText(c.Title.De, c.Title.En),
            new LocalizedText(c.Summary.De, c.Summary.En),
            c.Location.Municipality,
            c.Location.CountryCode,
            c.StartYear,
            c.PublishedAt,
            c.Partners.OrderBy(p => p.SortOrder)
                .Select(p => new CooperationCard.PartnerName(p.Partner.Slug, p.Partner.Name, p.Partner.Kind)).ToList(),
            c.Partners.Where(p => p.Partner.Subsector != null).OrderBy(p => p.SortOrder)
                .Select(p => new SubsectorBadge(p.Partner.Subsector!.Code, p.Partner.Subsector.NameDe, p.Partner.Subsector.NameEn, p.Partner.Subsector.Colour)).ToList()));

    /// <summary>
    /// Use in projections instead of the complex property itself: EF materialises a complex value whose
    /// columns are all NULL as null, while the model promises a (possibly empty) text. Only where the projection also
    /// runs in memory (<see cref="Profile"/>): in SQL the call makes EF read the whole row, every text included, so
    /// projections that only query name the columns (<c>new LocalizedText(c.Title.De, c.Title.En)</c>).
    /// </summary>
    public static LocalizedText Text(LocalizedText? text) => text ?? LocalizedText.Empty;

    internal static CooperationCard DistinctSubsectors(CooperationCard card) =>
        card with { Subsectors = card.Subsectors.DistinctBy(s => s.Code).ToList() };

    /// <summary>Everything public about one published cooperation (profile page and API).</summary>
    public static async Task<CooperationProfile?> PublishedProfile(KreativLandDbContext db, string slug, CancellationToken cancellationToken = default) =>
        await Published(db).Where(c => c.Slug == slug).Select(Profile).SingleOrDefaultAsync(cancellationToken);

    /// <summary>
    /// What a listing's public page shows: one projection, run in SQL by the public page and in memory by the curators'
    /// preview (<see cref="ProfileOf"/>), so the preview shows exactly what publishing will.
    /// </summary>
    public static readonly System.Linq.Expressions.Expression<Func<Cooperation, CooperationProfile>> Profile = c => new CooperationProfile(
        c.Id, c.Slug, Text(c.Title), Text(c.Summary), Text(c.Description),
        c.StartYear, c.EndYear, c.Ongoing, c.ContinuousSinceStart,
        c.ContactOrigins, c.RegionValues, c.PartnerValues,
        Text(c.AdviceForSmes), Text(c.AdviceForCreatives), Text(c.AdviceForPolicy),
        c.Quotes, c.Media, c.Images,
        new CooperationProfile.Place(c.Location.Municipality, c.Location.Population, c.Location.District, c.Location.Region,
            c.Location.CountryCode, c.Location.Point.Y, c.Location.Point.X),
        c.Partners.OrderBy(p => p.SortOrder).Select(p => new CooperationProfile.PartnerRole(
            p.Partner.Id, p.Partner.Slug, p.Partner.Name, p.Partner.Kind, Text(p.Role), p.Partner.Website, p.Partner.SectorCode, p.Partner.Sector,
            p.Partner.Employees, p.Partner.Municipality, p.Partner.IsUrban,
            p.Partner.Subsector == null ? null : new SubsectorBadge(p.Partner.Subsector.Code, p.Partner.Subsector.NameDe, p.Partner.Subsector.NameEn, p.Partner.Subsector.Colour))).ToList(),
        c.PublishedAt, c.UpdatedAt, c.Source);

    private static readonly Func<Cooperation, CooperationProfile> ProfileInMemory = Profile.Compile();

    /// <summary>The profile of a listing loaded with its partners and their subsectors (the preview; nothing is read).</summary>
    public static CooperationProfile ProfileOf(Cooperation loaded) => ProfileInMemory(loaded);

    /// <summary>
    /// Map markers and list items for a filtered, ordered query (home page list and the list API), streamed in the query's
    /// order from one SQL statement (see <see cref="WithPartners"/>).
    /// </summary>
    public static IAsyncEnumerable<CooperationMapItem> MapItems(IQueryable<Cooperation> query, CancellationToken cancellationToken = default) =>
        WithPartners(
            from c in query
            from p in c.Partners.DefaultIfEmpty()
            select new PartnerRow<CooperationMapItem>(
                new CooperationMapItem(c.Id, c.Slug, new LocalizedText(c.Title.De, c.Title.En), c.Location.Municipality, c.Location.CountryCode,
                    c.Location.Point.X, c.Location.Point.Y, NoNames, NoNames),
                c.Id, p == null ? null : p.SortOrder, p == null ? null : p.Partner.Name, p == null ? null : p.Partner.SubsectorCode),
            (item, partners, subsectors) => item with { Partners = partners, Subsectors = subsectors },
            cancellationToken);

    /// <summary>
    /// The map's points for a filtered query, streamed from one SQL statement: one row per point and subsector code (a
    /// LEFT JOIN), ordered by id so a point's rows arrive together and are folded as the listings' partners are (see
    /// <see cref="WithPartners"/>). The order of the points is the id's, not the list's: a map has no order, and sorting
    /// 50,000 rows by date and slug cost more than the rest of the query (bench/results/scale.md, "without the output
    /// cache"). Pass the filtered query without an order.
    /// </summary>
    public static IAsyncEnumerable<CooperationMapPoint> MapPoints(IQueryable<Cooperation> query, CancellationToken cancellationToken = default) =>
        WithPartners(
            from c in query
            from p in c.Partners.Where(p => p.Partner.SubsectorCode != null).DefaultIfEmpty()
            orderby c.Id, p!.SortOrder
            select new PartnerRow<CooperationMapPoint>(
                new CooperationMapPoint(c.Id, c.Location.Point.X, c.Location.Point.Y, NoNames),
                c.Id, p == null ? null : p.SortOrder, null, p == null ? null : p.Partner.SubsectorCode),
            (point, _, subsectors) => point with { Subsectors = subsectors },
            cancellationToken);

    /// <summary>
    /// Everything the open-data exports (CSV, GeoJSON download, OGC API items) give per cooperation, streamed in the
    /// query's order from one SQL statement (see <see cref="WithPartners"/>).
    /// </summary>
    public static IAsyncEnumerable<OpenDataRow> OpenDataRows(IQueryable<Cooperation> query, CancellationToken cancellationToken = default) =>
        WithPartners(
            from c in query
            from p in c.Partners.DefaultIfEmpty()
            select new PartnerRow<OpenDataRow>(
                new OpenDataRow(
                    c.Id, c.Slug, new LocalizedText(c.Title.De, c.Title.En), new LocalizedText(c.Summary.De, c.Summary.En), NoNames, NoNames,
                    c.RegionValues, c.PartnerValues, c.ContactOrigins,
                    c.StartYear, c.EndYear, c.Ongoing,
                    c.Location.Municipality, c.Location.District, c.Location.Region, c.Location.CountryCode,
                    c.Location.Point.Y, c.Location.Point.X, c.PublishedAt, c.UpdatedAt, c.Source),
                c.Id, p == null ? null : p.SortOrder, p == null ? null : p.Partner.Name, p == null ? null : p.Partner.SubsectorCode),
            (row, partners, subsectors) => row with { Partners = partners, Subsectors = subsectors },
            cancellationToken);

    private static readonly string[] NoNames = [];

    /// <summary>A listing's columns beside one of its partners (all partner columns null for a listing without partners).</summary>
    private sealed record PartnerRow<TListing>(TListing Listing, int Id, int? SortOrder, string? PartnerName, string? SubsectorCode);

    /// <summary>
    /// Streams listings with their partners' names and distinct subsector codes (in the partners' order) from one SQL
    /// statement: the listings' query LEFT JOINed with their partners, one row per listing and partner. The listings keep
    /// the query's order (EF Core keeps it on the join; every order of <see cref="CooperationSearchQuery"/> ends with the
    /// unique slug), so a listing's rows arrive together and are folded here as the reader goes: memory holds one listing,
    /// not the result, and the first listing is sent before the last is read. Split queries or collection projections
    /// would buffer every row and run the filter once per collection.
    /// </summary>
    private static async IAsyncEnumerable<TListing> WithPartners<TListing>(IQueryable<PartnerRow<TListing>> rows,
        Func<TListing, IReadOnlyList<string>, IReadOnlyList<string>, TListing> withPartners,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        PartnerRow<TListing>? listing = null;
        var partners = new List<PartnerRow<TListing>>(4);
        await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (listing is not null && listing.Id != row.Id)
            {
                yield return Fold(listing, partners, withPartners);
                partners.Clear();
            }
            listing = row;
            if (row.SortOrder is not null) partners.Add(row);
        }
        if (listing is not null) yield return Fold(listing, partners, withPartners);
    }

    private static TListing Fold<TListing>(PartnerRow<TListing> listing, List<PartnerRow<TListing>> partners,
        Func<TListing, IReadOnlyList<string>, IReadOnlyList<string>, TListing> withPartners)
    {
        if (partners.Count == 0) return withPartners(listing.Listing, NoNames, NoNames);
        // The join does not order a listing's partners: their sort order does, here (a stable sort, as few as a listing has).
        // Done per listing, 50,000 times for the map data: a few small lists, no LINQ pipeline.
        var ordered = partners.Count == 1 ? partners : partners.OrderBy(p => p.SortOrder).ToList();
        var names = new List<string>(ordered.Count);
        var codes = new List<string>(ordered.Count);
        foreach (var partner in ordered)
        {
            // The map's points read no names, only codes.
            if (partner.PartnerName is { } name) names.Add(name);
            if (partner.SubsectorCode is { } code && !codes.Contains(code)) codes.Add(code);
        }
        return withPartners(listing.Listing, names, codes);
    }

    /// <summary>
    /// Makes the context's following statements read one snapshot of the database (REPEATABLE READ) until the request
    /// ends: a count written before streamed rows (numberMatched, numberReturned) then counts exactly the rows that follow,
    /// even while a curator publishes. The rows are read while the answer is written, after the endpoint has returned, so
    /// the transaction is not disposed here: the request's context ends it (reads only; nothing to commit).
    /// </summary>
    public static async Task ReadOneSnapshotAsync(KreativLandDbContext db, CancellationToken cancellationToken = default) =>
        await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);

    /// <summary>Cards for a filtered, ordered query, one page of them.</summary>
    /// <param name="total">The query's count when the caller knows it already (the filter form's counts).</param>
    public static async Task<Page<CooperationCard>> Cards(IQueryable<Cooperation> query, int pageNumber, int pageSize, CancellationToken cancellationToken = default, int? total = null)
    {
        var count = total ?? await query.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (int)Math.Ceiling(count / (double)pageSize));
        pageNumber = Math.Clamp(pageNumber, 1, pageCount);
        var items = await ToCards(query.Skip((pageNumber - 1) * pageSize).Take(pageSize)).ToListAsync(cancellationToken);
        return new Page<CooperationCard>(items.Select(DistinctSubsectors).ToList(), pageNumber, pageSize, count);
    }

    public sealed record Counts(int Cooperations, int Partners, int Countries);

    public static async Task<Counts> PublishedCounts(KreativLandDbContext db, CancellationToken cancellationToken = default)
    {
        var published = Published(db);
        return new Counts(
            await published.CountAsync(cancellationToken),
            await db.CooperationPartners.Where(cp => cp.Cooperation.Status == CooperationStatus.Published).Select(cp => cp.PartnerId).Distinct().CountAsync(cancellationToken),
            await published.Select(c => c.Location.CountryCode).Distinct().CountAsync(cancellationToken));
    }
}

public sealed record CooperationProfile(
    int Id, string Slug, LocalizedText Title, LocalizedText Summary, LocalizedText Description,
    int? StartYear, int? EndYear, bool Ongoing, bool? ContinuousSinceStart,
    List<ContactOrigin> ContactOrigins, List<RegionValue> RegionValues, List<PartnerValue> PartnerValues,
    LocalizedText AdviceForSmes, LocalizedText AdviceForCreatives, LocalizedText AdviceForPolicy,
    List<Quote> Quotes, List<MediaLink> Media, List<Image> Images,
    CooperationProfile.Place Location, List<CooperationProfile.PartnerRole> Partners,
    DateTimeOffset? PublishedAt, DateTimeOffset UpdatedAt, string? Source = null)
{
    public sealed record Place(string Municipality, int? Population, string? District, string? Region, string CountryCode, double Latitude, double Longitude);

    public sealed record PartnerRole(
        int Id, string Slug, string Name, PartnerKind Kind, LocalizedText Role, string? Website, string? SectorCode, string? Sector,
        int? Employees, string? Municipality, bool? IsUrban, SubsectorBadge? Subsector)
    {
        /// <summary>The NACE section in the reader's language; the free text only where no section is given.</summary>
        public string? SectorName(string language) => NaceSection.Find(SectorCode)?.Name.In(language).Text ?? Sector;
    }

    public bool HasAdvice => !AdviceForSmes.IsEmpty || !AdviceForCreatives.IsEmpty || !AdviceForPolicy.IsEmpty;
}

/// <summary>A cooperation as the map and its result list show it (GeoJSON feature properties).</summary>
public sealed record CooperationMapItem(
    int Id, string Slug, LocalizedText Title, string Municipality, string CountryCode, double Longitude, double Latitude,
    IReadOnlyList<string> Subsectors, IReadOnlyList<string> Partners);

/// <summary>A cooperation as a point on the map: where it is and which subsectors colour its marker.</summary>
public sealed record CooperationMapPoint(int Id, double Longitude, double Latitude, IReadOnlyList<string> Subsectors);

/// <summary>A cooperation as the open-data exports give it: one CSV row, one downloadable or OGC API feature.</summary>
public sealed record OpenDataRow(
    int Id, string Slug, LocalizedText Title, LocalizedText Summary,
    IReadOnlyList<string> Partners, IReadOnlyList<string> Subsectors,
    List<RegionValue> RegionValues, List<PartnerValue> PartnerValues, List<ContactOrigin> ContactOrigins,
    int? StartYear, int? EndYear, bool Ongoing,
    string Municipality, string? District, string? Region, string CountryCode,
    double Latitude, double Longitude, DateTimeOffset? PublishedAt, DateTimeOffset UpdatedAt, string? Source = null);
