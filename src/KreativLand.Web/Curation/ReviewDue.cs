using KreativLand.Web.Domain;

namespace KreativLand.Web.Curation;

/// <summary>
/// Published listings not checked for a year are "due for review" (<see cref="Cooperation.MarkReviewed"/> starts the
/// year again): the dashboard lists them and the weekly digest mails them, both from this one query.
/// </summary>
public static class ReviewDue
{
    public static readonly TimeSpan Interval = TimeSpan.FromDays(365);

    /// <summary>The listings due at <paramref name="now"/>, the longest unchecked first.</summary>
    public static IQueryable<Cooperation> Listings(IQueryable<Cooperation> cooperations, DateTimeOffset now)
    {
        var dueBefore = now - Interval;
        return cooperations
            .Where(c => c.Status == CooperationStatus.Published && (c.LastReviewedAt ?? c.PublishedAt ?? c.UpdatedAt) < dueBefore)
            .OrderBy(c => c.LastReviewedAt ?? c.PublishedAt ?? c.UpdatedAt);
    }
}
