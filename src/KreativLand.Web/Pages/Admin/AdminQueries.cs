using KreativLand.Web.Data;
using KreativLand.Web.Domain;
using Microsoft.EntityFrameworkCore;
using static KreativLand.Web.Pages.Cooperations.CooperationQueries;

namespace KreativLand.Web.Pages.Admin;

/// <summary>A listing as a row of the curator area's tables (dashboard queue and listing table).</summary>
public sealed record ListingRow(int Id, string Slug, LocalizedText Title, CooperationStatus Status, string Municipality, string CountryCode, DateTimeOffset UpdatedAt, string? AssignedTo);

public static class AdminQueries
{
    /// <summary>The population a municipality must stay below in this country (the admins' table, else the default).</summary>
    public static async Task<int> PopulationThresholdAsync(KreativLandDbContext db, string? countryCode, CancellationToken cancellationToken = default) =>
        await db.CountryThresholds.AsNoTracking()
            .Where(t => t.CountryCode == (countryCode ?? "").ToUpper())
            .Select(t => (int?)t.PopulationThreshold)
            .SingleOrDefaultAsync(cancellationToken) ?? InclusionCriteria.DefaultPopulationThreshold;

    /// <summary>The criteria facts of a listing in the import format (as edited or as stored) and its attestations.</summary>
    public static CriteriaFacts Facts(Import.ImportCooperation record, int threshold, Attestation economic, Attestation equal, Attestation regional) =>
        new((record.Partners ?? []).Where(p => p is not null).Select(p => new CriteriaFacts.PartnerFacts(
                p!.Name ?? "?",
                Code.TryParse<PartnerKind>(p.Kind, out var kind) ? kind : PartnerKind.Other,
                p.Employees, p.Subsector, p.Urban)).ToList(),
            record.Location?.Population, record.Location?.Country, threshold, economic, equal, regional);

    public static IQueryable<ListingRow> ToRows(IQueryable<Cooperation> query) =>
        query.Select(c => new ListingRow(c.Id, c.Slug, Text(c.Title), c.Status, c.Location.Municipality, c.Location.CountryCode, c.UpdatedAt, c.AssignedTo));

    /// <summary>The one text filter of the curator area: title (either language), slug, municipality or a partner's name.</summary>
    public static IQueryable<Cooperation> Matching(IQueryable<Cooperation> query, string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return query;
        var pattern = "%" + text.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
        return query.Where(c =>
            EF.Functions.ILike(c.Title.De ?? "", pattern) || EF.Functions.ILike(c.Title.En ?? "", pattern) ||
            EF.Functions.ILike(c.Slug, pattern) || EF.Functions.ILike(c.Location.Municipality, pattern) ||
            c.Partners.Any(p => EF.Functions.ILike(p.Partner.Name, pattern)));
    }
}
