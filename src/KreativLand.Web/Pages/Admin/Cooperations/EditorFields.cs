using System.Globalization;
using System.Text.RegularExpressions;

namespace KreativLand.Web.Pages.Admin.Cooperations;

/// <summary>A problem of the editor's form in the page's language, with the id of the field it concerns (none: the form as a whole).</summary>
public sealed record FormProblem(string Message, string? FieldId);

/// <summary>
/// Where a validator path ("partners[1].employees", "title.en", "attestations.equalTerms.note") is shown in the editor's
/// form: the id of its field, used for the summary's link and for the message beside the field. The validator counts the
/// record's rows; the page shows the kept rows again numbered from 0, so row i of the record is the form's row key i.
/// Form keys of a posted row ("PartnerRows[n1712].Employees", keys made by the editor script) are first turned into that
/// number with <see cref="RowNumbers"/>.
/// </summary>
public static partial class EditorFields
{
    private static readonly HashSet<string> PartnerFields = ["name", "kind", "website", "employees", "sector", "subsector", "municipality", "country", "urban"];
    private static readonly HashSet<string> PlainFields = ["slug", "source", "startYear", "endYear", "ongoing", "continuousSinceStart"];
    private static readonly Dictionary<string, string> Attestations = new()
    {
        ["economicBackground"] = "economic-background", ["equalTerms"] = "equal-terms", ["regionalEffects"] = "regional-effects", ["smeSize"] = "sme-size",
    };

    /// <summary>The id of the form element showing <paramref name="path"/>, or null when no single field does.</summary>
    public static string? IdOf(string path)
    {
        if (RowPath().Match(path) is { Success: true } row)
        {
            var i = row.Groups["i"].Value;
            var rest = row.Groups["rest"].Value;
            return row.Groups["list"].Value switch
            {
                "partners" => $"partner-{i}-" + rest switch
                {
                    "sectorCode" => "sector-code",
                    "role" or "role.de" => "role-de",
                    "role.en" => "role-en",
                    _ when PartnerFields.Contains(rest) => rest,
                    _ => "name", // the row itself, or its slug (made from the name)
                },
                "quotes" => $"quote-{i}-" + rest switch { "text.en" => "en", "person" => "person", "role" => "role", _ => "de" },
                "media" => $"media-{i}-" + (rest is "kind" or "title" ? rest : "url"),
                _ => $"image-{i}-" + rest switch { "credit" => "credit", "alt" or "alt.de" => "alt-de", "alt.en" => "alt-en", _ => "url" },
            };
        }
        if (path == "partners") return "partner-0-name"; // "at least two partners": the first row
        if (ListPath().Match(path) is { Success: true } list) return "Input_" + Pascal(list.Groups["list"].Value);
        if (AttestationPath().Match(path) is { Success: true } attestation && Attestations.TryGetValue(attestation.Groups["name"].Value, out var criterion))
            return attestation.Groups["part"].Value == "note" ? Pascal(attestation.Groups["name"].Value) + "_Note" : "attestation-" + criterion;
        if (TextPath().Match(path) is { Success: true } text)
            return "Input_" + string.Join('_', text.Groups["field"].Value.Split('.').Select(Pascal)) + (text.Groups["lang"].Value == "en" ? "_En" : "_De");
        if (path == "location") return "Input_Location_Municipality";
        if (path.StartsWith("location.", StringComparison.Ordinal)) return "Input_Location_" + Pascal(path["location.".Length..]);
        return PlainFields.Contains(path) ? "Input_" + Pascal(path) : null;
    }

    /// <summary>
    /// The row number the page will show for each posted row key of a list ("PartnerRows"): rows follow the list's posted
    /// Index fields (or 0, 1, … without them); only kept rows are counted, as only they are shown again.
    /// </summary>
    public static Dictionary<string, int> RowNumbers<TRow>(IReadOnlyList<TRow> rows, IReadOnlyList<string>? postedKeys, Func<TRow, bool> kept)
    {
        var keys = postedKeys is { } posted && posted.Count == rows.Count ? posted : Enumerable.Range(0, rows.Count).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToList();
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        var next = 0;
        for (var i = 0; i < rows.Count; i++)
            if (kept(rows[i])) numbers[keys[i]] = next++;
        return numbers;
    }

    /// <summary>"partners[n1712].employees" → "partners[2].employees" by the rows' numbers; paths of rows not shown stay as they are.</summary>
    public static string WithRowNumber(string path, IReadOnlyDictionary<string, Dictionary<string, int>> numbers)
    {
        var row = PostedRowPath().Match(path);
        return row.Success && numbers.TryGetValue(row.Groups["list"].Value, out var list) && list.TryGetValue(row.Groups["key"].Value, out var number)
            ? $"{row.Groups["list"].Value}[{number}]{path[row.Length..]}"
            : path;
    }

    private static string Pascal(string name) => name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name[1..];

    [GeneratedRegex(@"^(?<list>partners|quotes|media|images)\[(?<i>\d+)\]\.?(?<rest>.*)$")]
    private static partial Regex RowPath();

    [GeneratedRegex(@"^(?<list>partners|quotes|media|images)\[(?<key>[^\]]+)\]")]
    private static partial Regex PostedRowPath();

    [GeneratedRegex(@"^(?<list>contactOrigins|regionValues|partnerValues)(\[\d+\])?$")]
    private static partial Regex ListPath();

    // The validator names them "attestations.equalTerms.note"; a binding error of the form "equalTerms.confirmed".
    [GeneratedRegex(@"^(attestations\.)?(?<name>\w+)\.(?<part>confirmed|note)$")]
    private static partial Regex AttestationPath();

    [GeneratedRegex(@"^(?<field>title|summary|description|advice\.smes|advice\.creatives|advice\.policy)(\.(?<lang>de|en))?$")]
    private static partial Regex TextPath();
}
