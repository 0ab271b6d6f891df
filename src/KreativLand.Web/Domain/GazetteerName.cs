namespace KreativLand.Web.Domain;

/// <summary>
/// Another name of a gazetteer place: the local or English form GeoNames' main name lacks ("München" for "Munich",
/// "Cologne" for "Köln"). From the curated SampleData/gazetteer-aliases.tsv (tools/gazetteer/README.md).
/// </summary>
public class GazetteerName
{
    public int Id { get; set; }
    public int PlaceId { get; set; }
    public GazetteerPlace Place { get; set; } = null!;
    /// <summary>ISO 639-1 code of the name's language ("de", "en", "cs" …).</summary>
    public string Language { get; set; } = "";
    public string Name { get; set; } = "";
    /// <summary>As <see cref="GazetteerPlace.SearchName"/>: lower case without diacritics.</summary>
    public string SearchName { get; set; } = "";
}
