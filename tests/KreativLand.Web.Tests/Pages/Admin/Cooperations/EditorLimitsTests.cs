using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using KreativLand.Web.Import;
using KreativLand.Web.Pages.Admin.Cooperations;
using KreativLand.Web.Tests.Infrastructure;

namespace KreativLand.Web.Tests.Pages.Admin.Cooperations;

/// <summary>
/// The editor's maxlength, min and max (written by Infrastructure/LimitsTagHelper from Import/ImportLimits) are the limits
/// the import validator checks: each rendered limit is tried against the validator itself, at the limit (accepted) and one
/// past it (refused). A field whose markup allowed more or less than the validator would fail here.
/// </summary>
public partial class EditorLimitsTests(BasicDataWebFixture site) : IClassFixture<BasicDataWebFixture>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>A valid record with one row of each list, so that every limited field of the form has a place in it.</summary>
    private static JsonObject ValidRecord() => JsonNode.Parse("""
        {
          "slug": "limits", "title": { "de": "Grenzen" }, "source": "test",
          "location": { "municipality": "Görlitz-Land", "population": 1000, "country": "DE", "latitude": 51.1, "longitude": 14.9,
                        "district": "Görlitz", "region": "Sachsen" },
          "partners": [
            { "slug": "a", "name": "A", "kind": "sme", "website": "https://a.example/", "employees": 3, "sector": "Holz",
              "municipality": "Görlitz", "country": "DE", "role": { "de": "Firma", "en": "Company" } },
            { "slug": "b", "name": "B", "kind": "cci", "subsector": "music" }
          ],
          "quotes": [ { "text": { "de": "Gut." }, "person": "P", "role": "R" } ],
          "media": [ { "kind": "video", "url": "https://v.example/", "title": "Film" } ],
          "images": [ { "url": "https://i.example/a.jpg", "credit": "C", "alt": { "de": "Bild", "en": "Picture" } } ],
          "attestations": { "economicBackground": { "note": "n" }, "equalTerms": { "note": "n" }, "regionalEffects": { "note": "n" }, "smeSize": { "note": "n" } }
        }
        """)!.AsObject();

    [Fact]
    public async Task Every_limit_in_the_editor_is_the_limit_the_validator_checks()
    {
        var client = await Curators.SignedInClientAsync(site, "curator");
        var page = await client.GetDocumentAsync("/admin/cooperations/edit");
        var fields = page.QuerySelectorAll("#editor-form input[name], #editor-form textarea[name]")
            .Where(f => f.HasAttribute("maxlength") || f.HasAttribute("min") || f.HasAttribute("max"))
            .Where(f => !f.GetAttribute("name")!.Contains("__key__", StringComparison.Ordinal)).ToList(); // the rows' templates
        var checkedPaths = new List<string>();
        foreach (var field in fields)
        {
            var path = ValidatorPath(field.GetAttribute("name")!);
            if (field.GetAttribute("type") == "number") CheckRange(field, path);
            else CheckLength(field, path);
            checkedPaths.Add(path);
        }
        // Every kind of limited field was among them (a row partial that lost its limits would drop out here).
        foreach (var expected in new[] { "title.de", "title.en", "slug", "source", "startYear", "endYear", "location.municipality", "location.population",
                     "location.latitude", "location.longitude", "location.district", "location.region", "partners[0].name", "partners[0].website",
                     "partners[0].employees", "partners[0].sector", "partners[0].municipality", "partners[0].country", "partners[0].role.de",
                     "quotes[0].person", "quotes[0].role", "media[0].url", "media[0].title", "images[0].url", "images[0].credit", "images[0].alt.en",
                     "attestations.equalTerms.note" })
            Assert.Contains(expected, checkedPaths);
    }

    [Fact]
    public void A_limit_other_than_the_validators_is_caught()
    {
        // The check itself can fail: a title field claiming one character more than the validator allows.
        var record = ValidRecord();
        Set(record, "title.de", JsonValue.Create(new string('x', ImportValidator.MaxTitle + 1)));
        Assert.Contains(Problems(record), p => p.Field == "title.de" && p.Key == "ImportMessage.MaxLength");
        Assert.Empty(Problems(ValidRecord()));
    }

    private static void CheckLength(IElement field, string path)
    {
        var max = int.Parse(field.GetAttribute("maxlength")!, CultureInfo.InvariantCulture);
        var atLimit = ValidRecord();
        Set(atLimit, path, JsonValue.Create(Filler(path, max)));
        Assert.DoesNotContain(Problems(atLimit), p => p.Field == path);
        var over = ValidRecord();
        Set(over, path, JsonValue.Create(Filler(path, max + 1)));
        if (!Problems(over).Any(p => p.Field == path)) Assert.Fail($"{path}: maxlength {max}, but the validator takes {max + 1} characters");
    }

    private static void CheckRange(IElement field, string path)
    {
        foreach (var (attribute, step) in new[] { ("min", -1.0), ("max", 1.0) })
        {
            if (field.GetAttribute(attribute) is not { } text) continue;
            var limit = double.Parse(text, CultureInfo.InvariantCulture);
            var atLimit = ValidRecord();
            Set(atLimit, path, Number(path, limit));
            Assert.DoesNotContain(Problems(atLimit), p => p.Field == path);
            var past = ValidRecord();
            Set(past, path, Number(path, limit + step));
            if (!Problems(past).Any(p => p.Field == path)) Assert.Fail($"{path}: {attribute} {limit}, but the validator takes {limit + step}");
        }
    }

    private static JsonValue Number(string path, double value) =>
        path.EndsWith("tude", StringComparison.Ordinal) ? JsonValue.Create(value) : JsonValue.Create((int)value);

    /// <summary>A value of the given length that is otherwise valid for the field (web addresses stay web addresses, codes letters).</summary>
    private static string Filler(string path, int length) =>
        path.EndsWith("url", StringComparison.Ordinal) || path.EndsWith("website", StringComparison.Ordinal) ? "https://e.example/" + new string('x', Math.Max(0, length - 18))
        : path == "slug" ? new string('a', length)
        : path.EndsWith("country", StringComparison.Ordinal) ? new string('D', length - 1) + "E"
        : new string('x', length);

    private static List<ImportProblem> Problems(JsonObject record) =>
        ImportValidator.RecordProblems(record.Deserialize<CooperationRecord>(Json)!, _ => true);

    /// <summary>The form's field name as the validator names it: "PartnerRows[0].Name" → "partners[0].name", "EqualTerms.Note" → "attestations.equalTerms.note".</summary>
    private static string ValidatorPath(string name)
    {
        var path = EditorForm.FormKeyToPath(name);
        return AttestationNote().IsMatch(path) ? "attestations." + path : path;
    }

    /// <summary>Sets the value at a validator path ("partners[0].role.de") in the record, creating objects on the way.</summary>
    private static void Set(JsonObject record, string path, JsonNode value)
    {
        JsonNode node = record;
        var parts = path.Split('.');
        for (var i = 0; i < parts.Length; i++)
        {
            var part = Index().Match(parts[i]);
            var name = part.Groups["name"].Value;
            var last = i == parts.Length - 1;
            if (part.Groups["i"].Success)
            {
                node = node[name]![int.Parse(part.Groups["i"].Value, CultureInfo.InvariantCulture)]!;
                continue;
            }
            if (last) node[name] = value;
            else node = node[name] ??= new JsonObject();
        }
    }

    [GeneratedRegex(@"^(?<name>\w+)(\[(?<i>\d+)\])?$")]
    private static partial Regex Index();

    [GeneratedRegex(@"^(economicBackground|equalTerms|regionalEffects|smeSize)\.note$")]
    private static partial Regex AttestationNote();
}
