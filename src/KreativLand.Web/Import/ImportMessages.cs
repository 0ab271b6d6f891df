using System.Globalization;
using System.Resources;
using KreativLand.Web.Domain;

namespace KreativLand.Web.Import;

/// <summary>
/// The importers' and the validator's messages from SharedResource in the current UI culture (German or English;
/// any other culture, e.g. the invariant one of a bare command line, gets English). Static, because the validator is.
/// Numbers are formatted invariantly: limits and line numbers read as in the JSON file (20000, not 20.000).
/// Use it as a field named L with a literal key (L[ + quoted key + args]), as pages do, so the resource test checks the key.
/// </summary>
public sealed class ImportMessages
{
    public static readonly ImportMessages Current = new();

    // The same resources IStringLocalizer<SharedResource> reads (ResourcesPath "Resources").
    private static readonly ResourceManager Resources = new("KreativLand.Web.Resources.SharedResource", typeof(SharedResource).Assembly);
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo(Languages.English);

    private ImportMessages() { }

    public string this[string key, params object?[] arguments]
    {
        get
        {
            var ui = CultureInfo.CurrentUICulture;
            var culture = Languages.All.Contains(ui.TwoLetterISOLanguageName) ? ui : English;
            string format;
            // Only de and en exist (no neutral resources): a missing key would throw instead of falling back.
            try { format = Resources.GetString(key, culture) ?? key; }
            catch (MissingManifestResourceException) { format = key; }
            return arguments.Length == 0 ? format : string.Format(CultureInfo.InvariantCulture, format, arguments);
        }
    }
}
