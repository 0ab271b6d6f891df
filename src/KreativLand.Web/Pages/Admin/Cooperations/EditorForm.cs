using KreativLand.Web.Domain;
using KreativLand.Web.Import;

namespace KreativLand.Web.Pages.Admin.Cooperations;

/// <summary>
/// The editor's form beside the record: rows of partners, quotes, media and images with a remove box each, and the
/// curator's attestations. A row counts when it is not marked for removal and holds its essential field.
/// </summary>
public static class EditorForm
{
    public sealed class PartnerRow : ImportPartner { public bool Remove { get; set; } public bool Kept => !Remove && !string.IsNullOrWhiteSpace(Name); }
    public sealed class QuoteRow : ImportQuote { public bool Remove { get; set; } public bool Kept => !Remove && !(IsBlank(Text) && string.IsNullOrWhiteSpace(Person)); }
    public sealed class MediaRow : ImportMedia { public bool Remove { get; set; } public bool Kept => !Remove && !string.IsNullOrWhiteSpace(Url); }
    public sealed class ImageRow : ImportImage { public bool Remove { get; set; } public bool Kept => !Remove && !string.IsNullOrWhiteSpace(Url); }

    public sealed class AttestationInput
    {
        public bool? Confirmed { get; set; }
        public string? Note { get; set; }
        public ImportAttestation? ToRecord() => Confirmed is null && string.IsNullOrWhiteSpace(Note) ? null : new() { Confirmed = Confirmed, Note = Blank(Note) };
        public static AttestationInput From(ImportAttestation? a) => new() { Confirmed = a?.Confirmed, Note = a?.Note };
    }

    /// <summary>A status change or review decision: the target, the reason, an admin's override and the version the reviewer saw.</summary>
    public sealed class TransitionInput
    {
        public string? To { get; set; }
        public string? Reason { get; set; }
        public bool Override { get; set; }
        public uint? Version { get; set; }
        /// <summary>The curator has confirmed a destructive change (rejected, archived): asked by a dialog, or without JavaScript by a second step.</summary>
        public bool Confirmed { get; set; }
    }

    /// <summary>Status changes that take a listing out of use: the editor and the queue's bulk actions ask before them.</summary>
    public static bool IsDestructive(CooperationStatus to) => to is CooperationStatus.Rejected or CooperationStatus.Archived;

    public static ImportCooperation NewRecord() => new()
    {
        Title = new(), Summary = new(), Description = new(),
        Advice = new() { Smes = new(), Creatives = new(), Policy = new() },
        Location = new() { Country = "DE" },
    };

    public static TRow Copy<TRow, TBase>(TBase source) where TRow : TBase, new()
    {
        var row = new TRow();
        foreach (var property in typeof(TBase).GetProperties().Where(p => p.CanWrite)) property.SetValue(row, property.GetValue(source));
        return row;
    }

    /// <summary>Empty fields as none, the rest trimmed; country codes upper case.</summary>
    public static void Clean(PartnerRow partner)
    {
        partner.Name = partner.Name?.Trim();
        partner.Website = WithScheme(Blank(partner.Website)); partner.Sector = Blank(partner.Sector); partner.Subsector = Blank(partner.Subsector);
        partner.Municipality = Blank(partner.Municipality); partner.Country = Blank(partner.Country)?.ToUpperInvariant();
    }

    /// <summary>"www.example.org" as typed by people is "https://www.example.org".</summary>
    public static string? WithScheme(string? url) =>
        url is null || url.Contains("://", StringComparison.Ordinal) || url.Contains(' ') || !url.Contains('.') ? url : "https://" + url;

    public static bool IsBlank(ImportText? text) => string.IsNullOrWhiteSpace(text?.De) && string.IsNullOrWhiteSpace(text?.En);
    public static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>"Input.Location.Latitude" → "location.latitude", "PartnerRows[0].Employees" → "partners[0].employees".</summary>
    public static string FormKeyToPath(string key)
    {
        var path = key.StartsWith("Input.", StringComparison.Ordinal) ? key["Input.".Length..]
            : key.Replace("PartnerRows", "partners").Replace("QuoteRows", "quotes").Replace("MediaRows", "media").Replace("ImageRows", "images");
        return string.Join('.', path.Split('.').Select(part => part.Length > 0 ? char.ToLowerInvariant(part[0]) + part[1..] : part));
    }

    /// <summary>The slug, or the first of slug-2, slug-3 … that <paramref name="taken"/> does not report as used.</summary>
    public static async Task<string> FreeSlugAsync(string slug, string fallback, Func<string, Task<bool>> taken)
    {
        if (slug.Length == 0) slug = fallback;
        for (var n = 1; ; n++)
        {
            var suffix = n == 1 ? "" : $"-{n}";
            // The number replaces the end of a slug at full length, so the result stays a valid slug.
            var candidate = slug[..Math.Min(slug.Length, Slugs.MaxLength - suffix.Length)].TrimEnd('-') + suffix;
            if (!await taken(candidate)) return candidate;
        }
    }
}
