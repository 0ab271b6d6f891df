using System.Globalization;
using KreativLand.Web.Domain;
using Microsoft.Extensions.Localization;

namespace KreativLand.Web.Pages.Embed;

/// <summary>
/// Reads the embed settings that the embedded map and the generator share (lang, list, legend, height),
/// adding one message per value it cannot use ("height: …") to <paramref name="errors"/>.
/// </summary>
public sealed class EmbedParameters(IQueryCollection query, IStringLocalizer localizer, List<string> errors)
{
    public string? Single(string name) => query[name].LastOrDefault()?.Trim() is { Length: > 0 } value ? value : null;

    public void Fail(string parameter, string key, params object[] arguments) => errors.Add($"{parameter}: {localizer[key, arguments]}");

    /// <summary>The requested language, or null when none (or an unknown one) is given.</summary>
    public string? Language()
    {
        if (Single("lang") is not { } lang) return null;
        if (Languages.IsSupported(lang)) return lang;
        Fail("lang", "Filter.Error.Language", lang);
        return null;
    }

    /// <summary>on or off; anything else is refused and the fallback applies.</summary>
    public bool Switch(string name, bool fallback)
    {
        switch (Single(name)?.ToLowerInvariant())
        {
            case null: return fallback;
            case "on": return true;
            case "off": return false;
            default:
                Fail(name, "Embed.Error.Switch", Single(name)!);
                return fallback;
        }
    }

    /// <summary>The map height in pixels, within <see cref="MapModel.MinHeight"/> … <see cref="MapModel.MaxHeight"/>.</summary>
    public int Height(int fallback)
    {
        if (Single("height") is not { } height) return fallback;
        if (int.TryParse(height, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is >= MapModel.MinHeight and <= MapModel.MaxHeight)
            return value;
        Fail("height", "Embed.Error.Height", height, MapModel.MinHeight, MapModel.MaxHeight);
        return fallback;
    }
}
