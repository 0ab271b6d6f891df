using System.Globalization;
using System.Text.RegularExpressions;
using KreativLand.Web.Import;
using Microsoft.Extensions.Localization;

namespace KreativLand.Web.Pages.Admin.Cooperations;

/// <summary>
/// Shows the import validator's problems (field "partners[0].employees", message key ImportMessage.AtLeast, 0) in the
/// editor's language with the form's labels ("Partner 1: Beschäftigte muss mindestens 0 sein.").
/// </summary>
public static partial class ValidationText
{
    private static readonly Dictionary<string, string> FieldLabels = new()
    {
        ["title"] = "Editor.Title", ["summary"] = "Editor.Summary", ["description"] = "Editor.Description",
        ["advice.smes"] = "Editor.AdviceSmes", ["advice.creatives"] = "Editor.AdviceCreatives", ["advice.policy"] = "Editor.AdvicePolicy",
        ["slug"] = "Editor.Slug", ["startYear"] = "Editor.StartYear", ["endYear"] = "Editor.EndYear", ["ongoing"] = "Editor.Ongoing",
        ["contactOrigins"] = "Category.Contact", ["regionValues"] = "Category.RegionValue", ["partnerValues"] = "Category.PartnerValue",
        ["location"] = "Editor.Location", ["location.municipality"] = "Listing.Municipality", ["location.population"] = "Editor.Population",
        ["location.country"] = "Editor.Country", ["location.latitude"] = "Editor.Latitude", ["location.longitude"] = "Editor.Longitude",
        ["location.district"] = "Editor.District", ["location.region"] = "Editor.Region",
        ["partners"] = "Editor.Partners",
        ["name"] = "Editor.PartnerName", ["kind"] = "Editor.PartnerKind", ["website"] = "Editor.Website", ["employees"] = "Editor.Employees",
        ["sector"] = "Editor.Sector", ["sectorCode"] = "Partner.SectorCode", ["subsector"] = "Editor.Subsector", ["municipality"] = "Editor.PartnerMunicipality",
        ["country"] = "Editor.Country", ["role"] = "Editor.PersonRole", ["person"] = "Editor.Person", ["text"] = "Editor.Quote",
        ["url"] = "Editor.Url", ["alt"] = "Editor.AltText", ["credit"] = "Editor.Credit",
        ["urban"] = "Editor.Urban", ["source"] = "Editor.Source", ["continuousSinceStart"] = "Editor.Continuous",
    };

    private static readonly Dictionary<string, string> RowLabels = new()
    {
        ["partners"] = "Editor.Partner", ["quotes"] = "Editor.Quote", ["media"] = "Editor.MediaLink", ["images"] = "Editor.Image",
    };

    /// <summary>
    /// The editor's text for each validator message: its key, and which of the problem's arguments after the field
    /// fill its {1} and {2}. {1} is shown through <see cref="Field"/> (for "endYear must be ≥ startYear").
    /// </summary>
    private static readonly Dictionary<string, (string Key, int? A, int? B)> EditorTexts = new()
    {
        ["ImportMessage.NeedsText"] = ("Validation.Import.NeedsText", null, null),
        ["ImportMessage.MaxLength"] = ("Validation.Import.MaxLength", 0, null),
        ["ImportMessage.Between"] = ("Validation.Import.Between", 0, 1),
        ["ImportMessage.AtLeast"] = ("Validation.Import.AtLeast", 0, null),
        ["ImportMessage.EmptyWhenOngoing"] = ("Validation.Import.EmptyWhenOngoing", null, null),
        ["ImportMessage.SubsectorRequired"] = ("Validation.Import.SubsectorRequired", null, null),
        ["ImportMessage.Required"] = ("Validation.Import.Required", null, null),
        ["ImportMessage.ValueNotOneOf"] = ("Validation.Import.NotOneOf", 0, 1),
        ["ImportMessage.ValueNotKnown"] = ("Validation.Import.NotOneOf", 0, 1),
        ["ImportMessage.OneOf"] = ("Validation.Import.OneOf", null, 0),
        ["ImportMessage.UrlOrPath"] = ("Validation.Import.UrlOrPath", null, null),
        ["ImportMessage.ImageNotStored"] = ("Validation.Import.ImageNotStored", null, null),
        ["ImportMessage.Url"] = ("Validation.Import.Url", null, null),
        ["ImportMessage.Country"] = ("Validation.Import.Country", null, null),
        ["ImportMessage.CountryWithExample"] = ("Validation.Import.Country", null, null),
        ["ImportMessage.SlugFormat"] = ("Validation.Import.Slug", null, null),
        ["ImportMessage.SlugFormatWithLength"] = ("Validation.Import.Slug", null, null),
        ["ImportMessage.TwoPartners"] = ("Validation.Import.TwoPartners", null, null),
        ["ImportMessage.ListsTwice"] = ("Validation.Import.Twice", null, null),
        ["ImportMessage.PartnerListedTwice"] = ("Validation.Import.ListedTwice", 0, null),
    };

    /// <summary>A validator problem in the editor's words and labels; one it has no text for keeps the validator's message.</summary>
    public static string Localize(ImportProblem problem, IStringLocalizer text)
    {
        if (!EditorTexts.TryGetValue(problem.Key, out var editor)) return problem.Message;
        string Argument(int? index) => index is { } i && i + 1 < problem.Arguments.Length
            ? Convert.ToString(problem.Arguments[i + 1], CultureInfo.InvariantCulture) ?? ""
            : "";
        return text[editor.Key, Field(problem.Field, text), Field(Argument(editor.A), text), Argument(editor.B)].Value;
    }

    /// <summary>A slug another listing holds (found by the editor, not the validator).</summary>
    public static string SlugTaken(string slug, IStringLocalizer text) =>
        text["Validation.Import.SlugTaken", Field("slug", text), Field(slug, text), ""].Value;

    /// <summary>"partners[1].role.de" → "Partner 2: Rolle (Deutsch)"; unknown paths stay as they are.</summary>
    public static string Field(string path, IStringLocalizer text)
    {
        var row = RowPath().Match(path);
        if (row.Success && RowLabels.TryGetValue(row.Groups["list"].Value, out var rowLabel))
        {
            var number = int.Parse(row.Groups["i"].Value) + 1;
            var rest = row.Groups["rest"].Value;
            return rest.Length == 0 ? $"{text[rowLabel]} {number}" : $"{text[rowLabel]} {number}: {Field(rest, text)}";
        }
        var list = ListPath().Match(path);
        if (list.Success && FieldLabels.TryGetValue(list.Groups["list"].Value, out var listLabel))
            return $"{text[listLabel]} ({int.Parse(list.Groups["i"].Value) + 1})";
        var attestation = AttestationPath().Match(path);
        if (attestation.Success && Attested.TryGetValue(attestation.Groups["name"].Value, out var criterion))
            return $"{text["Criteria." + criterion]}: {text[attestation.Groups["part"].Value == "note" ? "Editor.Note" : "Editor.AttestationConfirmed"]}";
        var language = LanguagePath().Match(path);
        if (language.Success && FieldLabels.TryGetValue(language.Groups["field"].Value, out var textLabel))
            return $"{text[textLabel]} ({text["Language." + language.Groups["lang"].Value]})";
        return FieldLabels.TryGetValue(path, out var label) ? text[label] : path;
    }

    /// <summary>A changed field's value as the form shows it: flags as yes or no, everything else as stored.</summary>
    public static string? Value(string? value, IStringLocalizer text) => value switch
    {
        "true" => text["Editor.Yes"],
        "false" => text["Editor.No"],
        _ => value,
    };

    [GeneratedRegex(@"^(?<list>partners|quotes|media|images)\[(?<i>\d+)\]\.?(?<rest>.*)$")]
    private static partial Regex RowPath();

    [GeneratedRegex(@"^(?<list>contactOrigins|regionValues|partnerValues)\[(?<i>\d+)\]$")]
    private static partial Regex ListPath();

    /// <summary>The import format's attestation names and the criteria they attest.</summary>
    private static readonly Dictionary<string, string> Attested = new()
    {
        ["economicBackground"] = "economic-background", ["equalTerms"] = "equal-terms", ["regionalEffects"] = "regional-effects", ["smeSize"] = "sme-size",
    };

    [GeneratedRegex(@"^attestations\.(?<name>\w+)\.(?<part>confirmed|note)$")]
    private static partial Regex AttestationPath();

    [GeneratedRegex(@"^(?<field>.+)\.(?<lang>de|en)$")]
    private static partial Regex LanguagePath();
}
