using KreativLand.Web.Curation;
using KreativLand.Web.Data;
using KreativLand.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace KreativLand.Web.Pages.Admin;

/// <summary>Where a listing stands against the inclusion criteria: every one met, some still open (none failing), or one failing.</summary>
public enum CriteriaState { Met, Open, Failing }

/// <summary>
/// The one filter of the curator area's listing table and review queue, bound from the query string by its plain names
/// (<c>?q=…&amp;status=…&amp;mine=true&amp;subsector=music&amp;country=DE&amp;criteria=failing</c>).
/// </summary>
public sealed class ListingFilter
{
    public string? Q { get; set; }
    public string? Status { get; set; }
    /// <summary>Only listings assigned to the signed-in curator.</summary>
    public bool Mine { get; set; }
    /// <summary>A CCI subsector code: listings with a partner of that subsector.</summary>
    public string? Subsector { get; set; }
    /// <summary>ISO country code of the listing's place.</summary>
    public string? Country { get; set; }
    /// <summary>met, open or failing (<see cref="CriteriaState"/>).</summary>
    public string? Criteria { get; set; }

    /// <summary>The criteria states the filter evaluated (when it filtered by them), so that the table's rows are not evaluated again.</summary>
    private Dictionary<int, CriteriaState>? evaluated;

    public bool IsEmpty => string.IsNullOrWhiteSpace(Q) && Status is null && !Mine && Subsector is null && Country is null && Criteria is null;

    /// <summary>The filter's values as route values, for links that keep it (sorting, paging, the redirect after a bulk action).</summary>
    public Dictionary<string, string?> RouteValues() => new()
    {
        ["q"] = string.IsNullOrWhiteSpace(Q) ? null : Q, ["status"] = Status, ["mine"] = Mine ? "true" : null,
        ["subsector"] = Subsector, ["country"] = Country, ["criteria"] = Criteria,
    };

    /// <summary>
    /// Applies the filter. Values that name nothing known are dropped (and cleared, so the form shows what was applied).
    /// The criteria state is computed by the criteria themselves (<see cref="ListingCriteriaStates"/>) for the listings the
    /// other conditions leave, then applied as a list of ids.
    /// </summary>
    public async Task<IQueryable<Cooperation>> ApplyAsync(KreativLandDbContext db, IQueryable<Cooperation> query, string? curator,
        CancellationToken cancellationToken)
    {
        query = AdminQueries.Matching(query, Q);
        if (Code.TryParse<CooperationStatus>(Status, out var status)) query = query.Where(c => c.Status == status);
        else Status = null;
        if (Mine && curator is not null) query = query.Where(c => c.AssignedTo == curator);
        else Mine = false;
        if (Domain.Subsector.Find(Subsector) is { } subsector) query = query.Where(c => c.Partners.Any(p => p.Partner.SubsectorCode == subsector.Code));
        else Subsector = null;
        if (Country is { Length: 2 } country && country.All(char.IsAsciiLetter))
        {
            Country = country.ToUpperInvariant();
            query = query.Where(c => c.Location.CountryCode == Country);
        }
        else Country = null;
        if (Code.TryParse<CriteriaState>(Criteria, out var state))
        {
            evaluated = await ListingCriteriaStates.OfAsync(db, query, cancellationToken);
            var ids = evaluated.Where(s => s.Value == state).Select(s => s.Key).ToList();
            query = query.Where(c => ids.Contains(c.Id));
        }
        else Criteria = null;
        return query;
    }

    /// <summary>The criteria state of each listing a table shows: the filter's own evaluation when it made one, else evaluated now (once per row).</summary>
    public async Task<IReadOnlyDictionary<int, CriteriaState>> StatesOfAsync(KreativLandDbContext db, IReadOnlyCollection<int> shown,
        CancellationToken cancellationToken) =>
        evaluated is { } states
            ? shown.Where(states.ContainsKey).ToDictionary(id => id, id => states[id])
            : await ListingCriteriaStates.OfAsync(db, db.Cooperations.Where(c => shown.Contains(c.Id)), cancellationToken);
}

/// <summary>The criteria state of many listings at once: their facts in one query, the thresholds in another, evaluated here.</summary>
public static class ListingCriteriaStates
{
    public static async Task<Dictionary<int, CriteriaState>> OfAsync(KreativLandDbContext db, IQueryable<Cooperation> query, CancellationToken cancellationToken)
    {
        var thresholds = await ListingCriteria.AdminThresholdsAsync(db, cancellationToken);
        var facts = await query.AsNoTracking().Select(c => new
        {
            c.Id,
            c.Location.Population,
            c.Location.CountryCode,
            EconomicBackground = new Attestation(c.EconomicBackground.Confirmed, c.EconomicBackground.Note),
            EqualTerms = new Attestation(c.EqualTerms.Confirmed, c.EqualTerms.Note),
            RegionalEffects = new Attestation(c.RegionalEffects.Confirmed, c.RegionalEffects.Note),
            SmeSize = new Attestation(c.SmeSize.Confirmed, c.SmeSize.Note),
            Partners = c.Partners.OrderBy(p => p.SortOrder).Select(p => new CriteriaFacts.PartnerFacts(
                p.Partner.Name, p.Partner.Kind, p.Partner.Employees, p.Partner.SubsectorCode, p.Partner.IsUrban)).ToList(),
        }).ToListAsync(cancellationToken);
        return facts.ToDictionary(f => f.Id, f =>
        {
            int? adminValue = thresholds.TryGetValue(f.CountryCode, out var value) ? value : null;
            var results = InclusionCriteria.Evaluate(new CriteriaFacts(f.Partners, f.Population, f.CountryCode,
                PopulationThresholds.For(f.CountryCode, adminValue), f.EconomicBackground, f.EqualTerms, f.RegionalEffects, f.SmeSize));
            return StateOf(results);
        });
    }

    public static CriteriaState StateOf(IReadOnlyList<CriterionResult> results) =>
        results.Any(r => r.Outcome == CriterionOutcome.Fail) ? CriteriaState.Failing
        : results.All(r => r.Outcome == CriterionOutcome.Pass) ? CriteriaState.Met
        : CriteriaState.Open;
}
