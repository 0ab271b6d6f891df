using KreativLand.Web.Data;
using KreativLand.Web.Domain;
using KreativLand.Web.Listings;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using KreativLand.Web.Infrastructure;

namespace KreativLand.Web.Pages.Partners;

/// <summary>
/// The partner directory: every organisation with at least one published cooperation, searchable by name and place,
/// filterable by kind, CCI subsector and the SME's NACE section, with its number of published cooperations; paged.
/// </summary>
[AcceptsQuery("q", "kind", "subsector", "sector", "p")]
public class IndexModel(KreativLandDbContext db, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public const int PageSize = 24;
    public const int MaxTextLength = 200;

    public sealed record Entry(string Slug, string Name, PartnerKind Kind, string? SubsectorCode, string? SectorCode, string? Municipality, string? CountryCode, int Cooperations);

    public sealed record Query(string? Text, PartnerKind? Kind, string? Subsector, string? Sector, int PageNumber)
    {
        /// <summary>The query string of this query on another page (null: the same page).</summary>
        public string ToQueryString(int? page = null)
        {
            var pairs = new List<KeyValuePair<string, string?>>();
            if (Text is not null) pairs.Add(new("q", Text));
            if (Kind is { } kind) pairs.Add(new("kind", Code.Of(kind)));
            if (Subsector is not null) pairs.Add(new("subsector", Subsector));
            if (Sector is not null) pairs.Add(new("sector", Sector));
            if ((page ?? PageNumber) > 1) pairs.Add(new("p", (page ?? PageNumber).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            return QueryString.Create(pairs).Value ?? "";
        }
    }

    public Query Filter { get; private set; } = new(null, null, null, null, 1);
    public Page<Entry> Results { get; private set; } = new([], 1, PageSize, 0);
    public List<string> Errors { get; } = [];
    /// <summary>How many public partners each kind, subsector and section has under the other conditions.</summary>
    public IReadOnlyDictionary<string, int> KindCounts { get; private set; } = new Dictionary<string, int>();
    public IReadOnlyDictionary<string, int> SubsectorCounts { get; private set; } = new Dictionary<string, int>();
    public IReadOnlyDictionary<string, int> SectorCounts { get; private set; } = new Dictionary<string, int>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Filter = Parse();
        var partners = CooperationQueries.PublicPartners(db);
        var text = Filter.Text;
        IQueryable<Partner> Apply(IQueryable<Partner> query, bool kind = true, bool subsector = true, bool sector = true)
        {
            if (text is not null)
            {
                var pattern = LikePatterns.Containing(text);
                query = query.Where(p => EF.Functions.ILike(EF.Functions.Unaccent(p.Name), EF.Functions.Unaccent(pattern), "\\")
                    || (p.Municipality != null && EF.Functions.ILike(EF.Functions.Unaccent(p.Municipality), EF.Functions.Unaccent(pattern), "\\")));
            }
            if (kind && Filter.Kind is { } wanted) query = query.Where(p => p.Kind == wanted);
            if (subsector && Filter.Subsector is { } code) query = query.Where(p => p.SubsectorCode == code);
            if (sector && Filter.Sector is { } section) query = query.Where(p => p.SectorCode == section);
            return query;
        }

        KindCounts = (await Apply(partners, kind: false).GroupBy(p => p.Kind).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken))
            .ToDictionary(x => Code.Of(x.Key), x => x.Count);
        SubsectorCounts = await Apply(partners, subsector: false).Where(p => p.SubsectorCode != null)
            .GroupBy(p => p.SubsectorCode!).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        SectorCounts = await Apply(partners, sector: false).Where(p => p.SectorCode != null)
            .GroupBy(p => p.SectorCode!).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);

        var filtered = Apply(partners);
        var total = await filtered.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (int)Math.Ceiling(total / (double)PageSize));
        if (PageNumbers.PastTheEnd(Filter.PageNumber, pageCount, localizer) is { } pastTheEnd)
        {
            Errors.Add(pastTheEnd);
            Filter = Filter with { PageNumber = pageCount };
        }
        var items = await filtered
            .OrderBy(p => p.Name).ThenBy(p => p.Slug)
            .Skip((Filter.PageNumber - 1) * PageSize).Take(PageSize)
            .Select(p => new Entry(p.Slug, p.Name, p.Kind, p.SubsectorCode, p.SectorCode, p.Municipality, p.CountryCode,
                p.Cooperations.Count(cp => cp.Cooperation.Status == CooperationStatus.Published)))
            .ToListAsync(cancellationToken);
        Results = new Page<Entry>(items, Filter.PageNumber, PageSize, total);
        if (Errors.Count > 0) Response.StatusCode = StatusCodes.Status400BadRequest;
    }

    /// <summary>Reads q, kind, subsector, sector and p; a value it cannot use is named and left out.</summary>
    private Query Parse()
    {
        string? Single(string name) => Request.Query[name].LastOrDefault()?.Trim() is { Length: > 0 } value ? value : null;
        var text = Single("q");
        if (text is { Length: > MaxTextLength })
        {
            Errors.Add($"q: {localizer["Filter.Error.TextTooLong", MaxTextLength]}");
            text = null;
        }
        PartnerKind? kind = null;
        if (Single("kind") is { } kindText)
        {
            if (Code.TryParse<PartnerKind>(kindText, out var parsed)) kind = parsed;
            else Errors.Add($"kind: {localizer["Filter.Error.UnknownCode", kindText, string.Join(", ", Code.All<PartnerKind>())]}");
        }
        var subsector = Single("subsector");
        if (subsector is not null && !Subsector.IsCode(subsector))
        {
            Errors.Add($"subsector: {localizer["Filter.Error.UnknownSubsector", subsector]}");
            subsector = null;
        }
        var sector = Single("sector")?.ToUpperInvariant();
        if (sector is not null && !NaceSection.IsCode(sector))
        {
            Errors.Add($"sector: {localizer["Filter.Error.UnknownCode", sector, string.Join(", ", NaceSection.All.Select(s => s.Code))]}");
            sector = null;
        }
        return new Query(text, kind, subsector, sector, PageNumbers.Read(Single("p"), localizer, Errors));
    }
}
