namespace KreativLand.Web.Domain;

/// <summary>The one rule for typed text that may be left empty: blank is none, the rest is trimmed.</summary>
public static class TrimmedText
{
    public static string? TrimOrNull(this string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
