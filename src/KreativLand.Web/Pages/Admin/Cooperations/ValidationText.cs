using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;

namespace KreativLand.Web.Pages.Admin.Cooperations;

/// <summary>
/// Turns the import validator's messages ("partners[0].employees must be ≥ 0") into the editor's language with the
/// form's labels ("Partner 1: Beschäftigte muss mindestens 0 sein."). A message it does not know stays as it is.
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
        ["sector"] = "Editor.Sector", ["subsector"] = "Editor.Subsector", ["municipality"] = "Editor.PartnerMunicipality",
        ["country"] = "Editor.Country", ["role"] = "Editor.PersonRole", ["person"] = "Editor.Person", ["text"] = "Editor.Quote",
        ["url"] = "Editor.Url", ["alt"] = "Editor.AltText", ["credit"] = "Editor.Credit",
    };

    private static readonly Dictionary<string, string> RowLabels = new()
    {
        ["partners"] = "Editor.Partner", ["quotes"] = "Editor.Quote", ["media"] = "Editor.MediaLink", ["images"] = "Editor.Image",
    };

    private static readonly (Regex Pattern, string Key)[] Messages =
    [
        (new(@"^(?<f>.+) needs a German or an English text$"), "Validation.Import.NeedsText"),
        (new(@"^(?<f>.+) must be at most (?<a>\d+) characters$"), "Validation.Import.MaxLength"),
        (new(@"^(?<f>.+) must be between (?<a>-?\d+) and (?<b>-?\d+)$"), "Validation.Import.Between"),
        (new(@"^(?<f>.+) must be ≥ (?<a>.+)$"), "Validation.Import.AtLeast"),
        (new(@"^(?<f>.+) must be empty when ongoing is true$"), "Validation.Import.EmptyWhenOngoing"),
        (new(@"^(?<f>.+) is required for a CCI partner$"), "Validation.Import.SubsectorRequired"),
        (new(@"^(?<f>.+) is required$"), "Validation.Import.Required"),
        (new(@"^(?<f>.+) ""(?<a>.*)"" (?:must be|is not) one of (?<b>.+)$"), "Validation.Import.NotOneOf"),
        (new(@"^(?<f>.+) must be one of (?<b>.+)$"), "Validation.Import.OneOf"),
        (new(@"^(?<f>.+) must be an http\(s\) URL or a site path starting with /$"), "Validation.Import.UrlOrPath"),
        (new(@"^(?<f>.+) must be an http\(s\) URL$"), "Validation.Import.Url"),
        (new(@"^(?<f>.+) must be an ISO 3166-1 alpha-2 code.*$"), "Validation.Import.Country"),
        (new(@"^(?<f>.+) must be lower-case letters, digits and single dashes.*$"), "Validation.Import.Slug"),
        (new(@"^(?<f>partners) must list at least 2 partners$"), "Validation.Import.TwoPartners"),
        (new(@"^(?<f>.+) lists a value twice$"), "Validation.Import.Twice"),
        (new(@"^(?<f>.+) ""(?<a>.*)"" is listed twice in this cooperation$"), "Validation.Import.ListedTwice"),
        (new(@"^(?<f>slug) ""(?<a>.*)"" is already used by another listing$"), "Validation.Import.SlugTaken"),
    ];

    public static string Localize(string message, IStringLocalizer text)
    {
        foreach (var (pattern, key) in Messages)
        {
            var match = pattern.Match(message);
            if (!match.Success) continue;
            var a = match.Groups["a"].Success ? Field(match.Groups["a"].Value, text) : "";
            return text[key, Field(match.Groups["f"].Value, text), a, match.Groups["b"].Value].Value;
        }
        return message;
    }

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
        var language = LanguagePath().Match(path);
        if (language.Success && FieldLabels.TryGetValue(language.Groups["field"].Value, out var textLabel))
            return $"{text[textLabel]} ({text["Language." + language.Groups["lang"].Value]})";
        return FieldLabels.TryGetValue(path, out var label) ? text[label] : path;
    }

    [GeneratedRegex(@"^(?<list>partners|quotes|media|images)\[(?<i>\d+)\]\.?(?<rest>.*)$")]
    private static partial Regex RowPath();

    [GeneratedRegex(@"^(?<list>contactOrigins|regionValues|partnerValues)\[(?<i>\d+)\]$")]
    private static partial Regex ListPath();

    [GeneratedRegex(@"^(?<field>.+)\.(?<lang>de|en)$")]
    private static partial Regex LanguagePath();
}
