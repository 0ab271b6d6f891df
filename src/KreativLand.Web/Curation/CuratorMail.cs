using System.Globalization;
using KreativLand.Web.Data;
using KreativLand.Web.Domain;
using KreativLand.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace KreativLand.Web.Curation;

/// <summary>The kinds of mail a curator can switch off in the account's settings.</summary>
public static class MailKinds
{
    public const string Assignment = "assignment";
    /// <summary>A submission, a listing sent to review or a revision waits for a reviewer.</summary>
    public const string Waiting = "waiting";
    public const string Digest = "digest";
    public static readonly string[] All = [Assignment, Waiting, Digest];

    /// <summary>User claims (AspNetUserClaims): the mail language, and one claim per kind switched off.</summary>
    public const string LanguageClaim = "kl:mail-language";
    public const string OffClaim = "kl:mail-off";
}

/// <summary>
/// The curator area's e-mail: to the assignee on assignment, to reviewers when something waits for review, to a submitter
/// when the submission is published or rejected (with the reason), and the weekly digest of listings due for review. Each
/// message is written in its recipient's language (a curator's setting; a submitter's is the language of the submission)
/// and goes through <see cref="Mailer"/>; a failure is logged and never stops the action that caused it.
/// </summary>
public sealed class CuratorMail(KreativLandDbContext db, Mailer mailer, IOptions<NotificationOptions> options,
    IOptions<SiteOptions> site, IStringLocalizer<SharedResource> text, ILogger<CuratorMail> logger)
{
    public sealed record Recipient(string Email, string Language);

    /// <summary>The assignee of <paramref name="listings"/> (one bulk assignment): a message per listing, the account looked up once.</summary>
    public async Task AssignedAsync(IReadOnlyCollection<Cooperation> listings, string assignee, Actor by, CancellationToken cancellationToken)
    {
        if (!mailer.Enabled || listings.Count == 0 || string.Equals(assignee, by.Name, StringComparison.OrdinalIgnoreCase)) return;
        foreach (var recipient in await CuratorsAsync(MailKinds.Assignment, cancellationToken, assignee))
            foreach (var listing in listings)
                await SendAsync(recipient, "Mail.Assigned.Subject", "Mail.Assigned.Body", listing, cancellationToken, curator: true, by.Name);
    }

    /// <summary>A submission, a listing sent to review, or a revision of a published one: every other curator may review it.</summary>
    public async Task WaitingAsync(Cooperation listing, string kind, string author, CancellationToken cancellationToken)
    {
        if (!mailer.Enabled) return;
        foreach (var recipient in await CuratorsAsync(MailKinds.Waiting, cancellationToken))
        {
            if (string.Equals(recipient.Email, author, StringComparison.OrdinalIgnoreCase)) continue;
            await SendAsync(recipient, $"Mail.Waiting.{kind}.Subject", $"Mail.Waiting.{kind}.Body", listing, cancellationToken, curator: true, author);
        }
    }

    /// <summary>The submitter of a public submission, when it is published or rejected (with the reason).</summary>
    public async Task DecidedAsync(Cooperation listing, string? reason, CancellationToken cancellationToken)
    {
        if (!mailer.Enabled || string.IsNullOrWhiteSpace(listing.SubmitterEmail)) return;
        var key = listing.Status switch
        {
            CooperationStatus.Published => "Published",
            CooperationStatus.Rejected => "Rejected",
            _ => null,
        };
        if (key is null) return;
        // The submission form stores the texts in the language the submitter chose.
        var language = listing.Title.De is null && listing.Title.En is not null ? Languages.English : Languages.German;
        var link = $"{SiteUrl()}/{language}/cooperations/{listing.Slug}";
        await SendAsync(new Recipient(listing.SubmitterEmail, language), $"Mail.Submitter.{key}.Subject", $"Mail.Submitter.{key}.Body", listing,
            cancellationToken, curator: false, reason?.Trim() ?? "", link);
    }

    /// <summary>
    /// Published listings due for review (<see cref="ReviewDue"/>), each to its curator (the assignee, else its last
    /// editor when that is an account; otherwise every admin), one message per curator. Returns the messages sent.
    /// </summary>
    public async Task<int> DigestAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!mailer.Enabled) return 0;
        var due = await ReviewDue.Listings(db.Cooperations.AsNoTracking(), now)
            .Select(c => new { c.Id, c.Slug, c.Title.De, c.Title.En, c.AssignedTo, c.LastEditedBy, Since = c.LastReviewedAt ?? c.PublishedAt })
            .ToListAsync(cancellationToken);
        if (due.Count == 0) return 0;
        var recipients = (await CuratorsAsync(MailKinds.Digest, cancellationToken)).ToDictionary(r => r.Email, StringComparer.OrdinalIgnoreCase);
        var admins = await AdminEmailsAsync(cancellationToken);
        var byCurator = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var listing in due)
        {
            var curator = new[] { listing.AssignedTo, listing.LastEditedBy }.FirstOrDefault(e => e is not null && recipients.ContainsKey(e));
            IEnumerable<string> to = curator is not null ? [curator] : admins.Where(recipients.ContainsKey);
            foreach (var email in to)
            {
                var language = recipients[email].Language;
                var title = (language == Languages.English ? listing.En ?? listing.De : listing.De ?? listing.En) ?? listing.Slug;
                (byCurator.TryGetValue(email, out var lines) ? lines : byCurator[email] = []).Add(
                    $"- {title} ({listing.Since?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "–"}): {SiteUrl()}/{language}/admin/cooperations/edit/{listing.Id}");
            }
        }
        var sent = 0;
        foreach (var (email, lines) in byCurator)
        {
            var recipient = recipients[email];
            var (subject, body) = InLanguage(recipient.Language, () => (
                text["Mail.Digest.Subject", lines.Count].Value,
                Lines(text["Mail.Digest.Body", lines.Count].Value) + "\n\n" + string.Join("\n", lines) + "\n\n" + Footer(recipient.Language)));
            if (await mailer.SendAsync([email], subject, body, cancellationToken, recipient.Language)) sent++;
        }
        logger.LogInformation("Review digest: {Listings} listing(s) due, {Messages} message(s) sent", due.Count, sent);
        return sent;
    }

    /// <summary>Active accounts that have not switched <paramref name="kind"/> off, with their mail language.</summary>
    /// <param name="email">Only this account (an assignee), when given.</param>
    public async Task<IReadOnlyList<Recipient>> CuratorsAsync(string kind, CancellationToken cancellationToken, string? email = null)
    {
        var accounts = db.Users.AsNoTracking().Where(u => !u.Disabled && u.Email != null);
        if (email is not null) accounts = accounts.Where(u => u.NormalizedEmail == email.ToUpperInvariant());
        var users = await accounts.Select(u => new { u.Id, u.Email }).ToListAsync(cancellationToken);
        var ids = users.Select(u => u.Id).ToList();
        var claims = await db.UserClaims.AsNoTracking()
            .Where(c => email == null || ids.Contains(c.UserId))
            .Where(c => c.ClaimType == MailKinds.LanguageClaim || (c.ClaimType == MailKinds.OffClaim && c.ClaimValue == kind))
            .Select(c => new { c.UserId, c.ClaimType, c.ClaimValue })
            .ToListAsync(cancellationToken);
        return users
            .Where(u => !claims.Any(c => c.UserId == u.Id && c.ClaimType == MailKinds.OffClaim))
            .Select(u => new Recipient(u.Email!, claims.FirstOrDefault(c => c.UserId == u.Id && c.ClaimType == MailKinds.LanguageClaim)?.ClaimValue is Languages.English
                ? Languages.English : Languages.German))
            .ToList();
    }

    private Task<List<string>> AdminEmailsAsync(CancellationToken cancellationToken) =>
        (from user in db.Users
         join userRole in db.UserRoles on user.Id equals userRole.UserId
         join role in db.Roles on userRole.RoleId equals role.Id
         where role.Name == Roles.Admin && !user.Disabled && user.Email != null
         select user.Email!).ToListAsync(cancellationToken);

    /// <summary>One message about one listing: {0} title, {1} place, {2} the curators' link, {3}… the extra arguments.</summary>
    /// <param name="curator">A curator's message ends with the link to their mail settings; a submitter's does not.</param>
    private async Task SendAsync(Recipient recipient, string subjectKey, string bodyKey, Cooperation listing, CancellationToken cancellationToken,
        bool curator, params string[] extra)
    {
        var (subject, body) = InLanguage(recipient.Language, () =>
        {
            var title = listing.Title.In(recipient.Language).Text is { Length: > 0 } t ? t : listing.Slug;
            var place = $"{listing.Location.Municipality} ({listing.Location.CountryCode})";
            var link = $"{SiteUrl()}/{recipient.Language}/admin/cooperations/edit/{listing.Id}";
            object[] arguments = [title, place, link, .. extra];
            var body = Lines(text[bodyKey, arguments].Value);
            return (text[subjectKey, arguments].Value, curator ? body + "\n\n" + Footer(recipient.Language) : body);
        });
        await mailer.SendAsync([recipient.Email], subject, body, cancellationToken, recipient.Language);
    }

    private string Footer(string language) => Lines(text["Mail.Footer", $"{SiteUrl()}/{language}/account/notifications"].Value);

    /// <summary>The resource files keep each text on one line, with "\n" where the message breaks.</summary>
    private static string Lines(string value) => value.Replace("\\n", "\n", StringComparison.Ordinal);

    /// <summary>
    /// The origin of links in mail: the site's configured public origin (Site:PublicOrigin, as every other absolute link),
    /// else the older Notifications:SiteUrl. Mail has no request whose host could be asked.
    /// </summary>
    internal string SiteUrl() =>
        (site.Value.PublicOrigin is { Length: > 0 } origin ? origin : options.Value.SiteUrl)?.TrimEnd('/') ?? "";

    /// <summary>Texts looked up in the recipient's language, whatever the request's language is.</summary>
    private static T InLanguage<T>(string language, Func<T> make)
    {
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
            return make();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }
}
