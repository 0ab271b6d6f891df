using KreativLand.Web.Data;
using KreativLand.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace KreativLand.Web.Pages.Cooperations;

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

    /// <summary>Cards in a stable order: newest published first, then title.</summary>
    public static async Task<Page<CooperationCard>> PublishedCards(
        KreativLandDbContext db, int pageNumber, int pageSize, CancellationToken cancellationToken = default)
    {
        var query = Published(db);
        var total = await query.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (int)Math.Ceiling(total / (double)pageSize));
        pageNumber = Math.Clamp(pageNumber, 1, pageCount);
        var items = await ToCards(query
                .OrderByDescending(c => c.PublishedAt).ThenBy(c => c.Slug)
                .Skip((pageNumber - 1) * pageSize).Take(pageSize))
            .ToListAsync(cancellationToken);
        return new Page<CooperationCard>(items.Select(DistinctSubsectors).ToList(), pageNumber, pageSize, total);
    }

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
            Text(c.Title),
            Text(c.Summary),
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
    /// columns are all NULL as null, while the model promises a (possibly empty) text.
    /// </summary>
    public static LocalizedText Text(LocalizedText? text) => text ?? LocalizedText.Empty;

    private static CooperationCard DistinctSubsectors(CooperationCard card) =>
        card with { Subsectors = card.Subsectors.DistinctBy(s => s.Code).ToList() };

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
