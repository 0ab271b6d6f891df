using System.Globalization;
using Microsoft.Extensions.Localization;

namespace KreativLand.Web.Infrastructure;

/// <summary>
/// The one rule for the page number of a public list's address (<c>p</c>: the cooperation list, the partner directory):
/// digits only, at least 1; anything else, and a page past the last, is named in the page's problems ("p: …").
/// </summary>
public static class PageNumbers
{
    /// <summary>The page asked for by <paramref name="text"/> (1 when none is given, or when it is not a page number: then an error is added).</summary>
    public static int Read(string? text, IStringLocalizer localizer, ICollection<string> errors)
    {
        if (text?.Trim() is not { Length: > 0 } value) return 1;
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1) return number;
        errors.Add($"p: {localizer["Partners.Error.PageFormat", value]}");
        return 1;
    }

    /// <summary>The error for a page past the last one, or null.</summary>
    public static string? PastTheEnd(int page, int pageCount, IStringLocalizer localizer) =>
        page > pageCount ? $"p: {localizer["Partners.Error.Page", page, pageCount]}" : null;
}
