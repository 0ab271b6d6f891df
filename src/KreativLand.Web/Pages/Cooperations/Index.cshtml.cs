using KreativLand.Web.Listings;
using KreativLand.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using KreativLand.Web.Infrastructure;

namespace KreativLand.Web.Pages.Cooperations;

/// <summary>The list of published cooperations: the same filter as the map, paged, usable without JavaScript.</summary>
[AcceptsQuery("p", "sort", Filter = true)]
public class IndexModel(KreativLandDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public const int PageSize = 20;

    /// <summary>Page number (p): not a whole number from 1, or past the last page, is a 400 naming p (the last page is shown).</summary>
    public int PageNumber { get; private set; } = 1;

    /// <summary>newest, title or place; empty: by relevance with a search text, else newest first.</summary>
    [BindProperty(SupportsGet = true, Name = "sort")]
    public string? Sort { get; set; }

    public FilterForm Form { get; private set; } = null!;
    public Page<CooperationCard> Results { get; private set; } = new([], 1, PageSize, 0);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var year = clock.GetUtcNow().Year;
        Form = await FilterForm.LoadAsync(Request, db, year, cancellationToken);
        Sort = Sort?.Trim().ToLowerInvariant() is { Length: > 0 } sort ? sort : null;
        if (Sort is not null && !CooperationSearchQuery.SortOrders.Contains(Sort))
        {
            Form = Form with { Errors = [.. Form.Errors, $"sort: {localizer["Filter.Error.UnknownCode", Sort, string.Join(", ", CooperationSearchQuery.SortOrders)]}"] };
            Sort = null;
        }
        var pageErrors = new List<string>();
        PageNumber = PageNumbers.Read(Request.Query["p"].LastOrDefault(), localizer, pageErrors);
        var ordered = CooperationSearchQuery.Sorted(db, Form.Filter, year, Sort, Domain.Languages.Current);
        Results = await CooperationQueries.Cards(ordered, PageNumber, PageSize, cancellationToken, Form.Facets.Total);
        if (PageNumbers.PastTheEnd(PageNumber, Results.PageCount, localizer) is { } pastTheEnd) pageErrors.Add(pastTheEnd);
        if (pageErrors.Count > 0) Form = Form with { Errors = [.. Form.Errors, .. pageErrors] };
        if (Form.Errors.Count > 0) Response.StatusCode = StatusCodes.Status400BadRequest;
    }

    /// <summary>The open-data download of exactly this filter (CSV or GeoJSON) in the page language.</summary>
    public string DownloadLink(string format)
    {
        var query = Form.Filter.ToQueryString();
        return Url.Content($"~/api/v1/cooperations.{format}") + (query.Length == 0 ? "?" : query + "&") + "lang=" + Domain.Languages.Current;
    }

    public string PageLink(int page)
    {
        var query = Form.Filter.ToQueryString();
        return (query.Length == 0 ? "?" : query + "&") + (Sort is null ? "" : "sort=" + Sort + "&") + "p=" + page;
    }
}
