using KreativLand.Web.Domain;
using KreativLand.Web.Listings;
using Microsoft.EntityFrameworkCore;
using static KreativLand.Web.Listings.CooperationQueries;

namespace KreativLand.Web.Pages.Admin;

/// <summary>A listing as a row of the curator area's tables (dashboard queue and listing table).</summary>
/// <param name="Version">The listing's concurrency token as listed: the queue's bulk form carries it, so a listing saved since is refused.</param>
public sealed record ListingRow(int Id, string Slug, LocalizedText Title, CooperationStatus Status, string Municipality, string CountryCode, DateTimeOffset UpdatedAt, string? AssignedTo,
    uint Version);

public static class AdminQueries
{
    public static IQueryable<ListingRow> ToRows(IQueryable<Cooperation> query) =>
        query.Select(c => new ListingRow(c.Id, c.Slug, Text(c.Title), c.Status, c.Location.Municipality, c.Location.CountryCode, c.UpdatedAt, c.AssignedTo, c.Version));

    /// <summary>The one text filter of the curator area: title (either language), slug, municipality or a partner's name.</summary>
    public static IQueryable<Cooperation> Matching(IQueryable<Cooperation> query, string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return query;
        var pattern = LikePatterns.Containing(text.Trim());
        return query.Where(c =>
            EF.Functions.ILike(c.Title.De ?? "", pattern) || EF.Functions.ILike(c.Title.En ?? "", pattern) ||
            EF.Functions.ILike(c.Slug, pattern) || EF.Functions.ILike(c.Location.Municipality, pattern) ||
            c.Partners.Any(p => EF.Functions.ILike(p.Partner.Name, pattern)));
    }
}
