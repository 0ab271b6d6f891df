using System.Text.RegularExpressions;
using System.Xml.Linq;
using KreativLand.Web.Domain;
using KreativLand.Web.Tests.Infrastructure;

namespace KreativLand.Web.Tests.Resources;

/// <summary>Every UI string must exist in German and in English.</summary>
public partial class SharedResourceTests
{
    private static Dictionary<string, string> Strings(string language) =>
        XDocument.Load(Path.Combine(SourceTree.WebProject, "Resources", $"SharedResource.{language}.resx"))
            .Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");

    [Fact]
    public void German_and_English_have_the_same_keys()
    {
        var german = Strings("de").Keys.ToHashSet();
        var english = Strings("en").Keys.ToHashSet();
        Assert.Empty(german.Except(english).Select(k => "only in German: " + k));
        Assert.Empty(english.Except(german).Select(k => "only in English: " + k));
    }

    [Fact]
    public void No_string_is_empty()
    {
        foreach (var language in Languages.All)
            Assert.Empty(Strings(language).Where(s => string.IsNullOrWhiteSpace(s.Value)).Select(s => $"{language}: {s.Key}"));
    }

    [Fact]
    public void Placeholders_match_between_languages()
    {
        var german = Strings("de");
        foreach (var (key, english) in Strings("en"))
        {
            var expected = Placeholder().Matches(english).Select(m => m.Value).Order();
            Assert.True(expected.SequenceEqual(Placeholder().Matches(german[key]).Select(m => m.Value).Order()), $"placeholders differ for {key}");
        }
    }

    [Fact]
    public void Every_key_the_source_uses_exists()
    {
        var keys = Strings("de").Keys.ToHashSet();
        var sources = Directory.EnumerateFiles(SourceTree.WebProject, "*.cs*", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"));
        var used = sources.SelectMany(f => LiteralKey().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: m.Groups[1].Value))).ToList();

        Assert.NotEmpty(used);
        Assert.Empty(used.Where(u => !keys.Contains(u.Key)).Select(u => $"{u.File}: {u.Key}"));
    }

    [Fact]
    public void Every_code_has_a_label()
    {
        var keys = Strings("en").Keys.ToHashSet();
        var expected = Code.All<ContactOrigin>().Select(c => "ContactOrigin." + c)
            .Concat(Code.All<RegionValue>().Select(c => "RegionValue." + c))
            .Concat(Code.All<PartnerValue>().Select(c => "PartnerValue." + c))
            .Concat(Code.All<PartnerKind>().Select(c => "PartnerKind." + c))
            .Concat(Code.All<MediaKind>().Select(c => "MediaKind." + c))
            .Concat(Languages.All.SelectMany(l => new[] { "Language." + l, "Language.SwitchTo." + l, "Content.OnlyIn." + l }));
        Assert.DoesNotContain(expected, k => !keys.Contains(k));
    }

    [GeneratedRegex(@"\{\d+(:[^}]*)?\}")]
    private static partial Regex Placeholder();

    // L["Key"] or L["Key", args] with a literal key.
    [GeneratedRegex("""L\["([A-Za-z0-9.\-]+)"[\],]""")]
    private static partial Regex LiteralKey();
}
