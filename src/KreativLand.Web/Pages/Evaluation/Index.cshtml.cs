using KreativLand.Web.Data;
using KreativLand.Web.Listings;
using Microsoft.AspNetCore.Mvc.RazorPages;
using KreativLand.Web.Infrastructure;

namespace KreativLand.Web.Pages.Evaluation;

/// <summary>The report's evaluation, live: the four categories, subsectors, countries and sector pairings of the current selection.</summary>
[AcceptsQuery(Filter = true)]
public class IndexModel(KreativLandDbContext db, TimeProvider clock) : PageModel
{
    public FilterForm Form { get; private set; } = null!;
    public EvaluationStatistics Statistics { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var year = clock.GetUtcNow().Year;
        // Its form offers subsectors, countries and states only: the other facets' counts would be computed for nothing.
        Form = await FilterForm.LoadAsync(Request, db, year, cancellationToken, FilterParts.Subsector | FilterParts.Country | FilterParts.State);
        Statistics = await EvaluationStatistics.ComputeAsync(db, Form.Filter, year, cancellationToken, Form.Facets.Total);
        if (Form.Errors.Count > 0) Response.StatusCode = StatusCodes.Status400BadRequest;
    }
}

/// <summary>A horizontal bar chart: one bar per option, drawn as SVG on the server.</summary>
/// <param name="Title">What is counted (the table's caption and the start of the chart's text alternative).</param>
/// <param name="Caption">The visible caption under the section heading.</param>
public sealed record BarChart(string Id, string Title, string Caption, IReadOnlyList<BarChart.Bar> Bars)
{
    public sealed record Bar(string Label, OptionShare Share, string? Subsector = null);
}
