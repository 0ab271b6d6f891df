using KreativLand.Web.Data;
using KreativLand.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace KreativLand.Web.Pages.Admin;

/// <summary>A listing that may describe the same cooperation, with the reasons (resource keys and arguments).</summary>
public sealed record SimilarListing(int Id, string Slug, LocalizedText Title, CooperationStatus Status, IReadOnlyList<(string Key, object[] Arguments)> Reasons);

/// <summary>
/// Finds listings similar to one being created or submitted: a partner with the same name, a location within a few
/// kilometres, or a title sharing most of its words. Compared in memory: the collection is small (thousands at most).
/// </summary>
public static class SimilarListings
{
    public const double NearbyKilometres = 3;
    public const double TitleOverlap = 0.6;

    public static async Task<IReadOnlyList<SimilarListing>> FindAsync(
        KreativLandDbContext db, string? title, IEnumerable<string?> partnerNames, double? latitude, double? longitude,
        bool publishedOnly, CancellationToken cancellationToken = default)
    {
        var names = partnerNames.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => Normalise(n!)).ToHashSet();
        var words = Words(title);
        var query = db.Cooperations.AsNoTracking().Where(c => c.Status != CooperationStatus.Archived);
        if (publishedOnly) query = query.Where(c => c.Status == CooperationStatus.Published);
        var candidates = await query
            .Select(c => new
            {
                c.Id, c.Slug, Title = KreativLand.Web.Listings.CooperationQueries.Text(c.Title), c.Status,
                Latitude = c.Location.Point.Y, Longitude = c.Location.Point.X,
                Partners = c.Partners.Select(p => p.Partner.Name).ToList(),
            })
            .ToListAsync(cancellationToken);

        var similar = new List<SimilarListing>();
        foreach (var candidate in candidates)
        {
            var reasons = new List<(string, object[])>();
            foreach (var partner in candidate.Partners.Where(p => names.Contains(Normalise(p))))
                reasons.Add(("Similar.SamePartner", new object[] { partner }));
            if (latitude is { } lat && longitude is { } lon && !(lat == 0 && lon == 0))
            {
                var km = Kilometres(lat, lon, candidate.Latitude, candidate.Longitude);
                if (km <= NearbyKilometres) reasons.Add(("Similar.Nearby", new object[] { Math.Round(km, 1) }));
            }
            if (words.Count > 0)
            {
                var other = Words(candidate.Title.De).Union(Words(candidate.Title.En)).ToHashSet();
                if (words.Count(other.Contains) >= Math.Max(1, Math.Ceiling(words.Count * TitleOverlap)))
                    reasons.Add(("Similar.Title", Array.Empty<object>()));
            }
            if (reasons.Count > 0) similar.Add(new SimilarListing(candidate.Id, candidate.Slug, candidate.Title, candidate.Status, reasons));
        }
        return similar.OrderByDescending(s => s.Reasons.Count).ThenBy(s => s.Slug).Take(10).ToList();
    }

    private static string Normalise(string name) => GazetteerPlace.ToSearchName(name);

    /// <summary>The title's significant words (three letters or more), normalised.</summary>
    private static HashSet<string> Words(string? title) =>
        string.IsNullOrWhiteSpace(title)
            ? []
            : Normalise(title).Split((char[])[' ', '-', '–', ',', '.', ':', ';', '&', '×', '/', '(', ')', '!', '?', '"', '\''], StringSplitOptions.RemoveEmptyEntries)
                .Where(w => w.Length >= 3 && w is not ("und" or "and" or "der" or "die" or "das" or "the" or "mit" or "with" or "von" or "for" or "fur"))
                .ToHashSet();

    private static double Kilometres(double lat1, double lon1, double lat2, double lon2)
    {
        const double earthRadius = 6371;
        double Radians(double degrees) => degrees * Math.PI / 180;
        var dLat = Radians(lat2 - lat1);
        var dLon = Radians(lon2 - lon1);
        var a = Math.Pow(Math.Sin(dLat / 2), 2) + Math.Cos(Radians(lat1)) * Math.Cos(Radians(lat2)) * Math.Pow(Math.Sin(dLon / 2), 2);
        return 2 * earthRadius * Math.Asin(Math.Sqrt(a));
    }
}
