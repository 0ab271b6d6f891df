using NpgsqlTypes;

namespace KreativLand.Web.Domain;

/// <summary>
/// The full-text document of one cooperation. Written only by database triggers (see the
/// FullTextSearch migration) whenever the cooperation, its partner links or a partner's name change,
/// so every writer — importer, editor, SQL — keeps it current. Read-only for the application.
/// </summary>
public class CooperationSearch
{
    public int CooperationId { get; set; }
    /// <summary>Unaccented and transliterated text in the simple, German and English configurations, weighted A (titles, names) to C.</summary>
    public NpgsqlTsVector Document { get; set; } = null!;
    /// <summary>The same text lower-cased, unaccented and transliterated, for substring matches inside compound words ("Koje" in "KaraKøje").</summary>
    public string Plain { get; set; } = "";
}
