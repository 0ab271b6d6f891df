namespace KreativLand.Web.Data;

/// <summary>
/// Patterns for LIKE/ILIKE from typed text: %, _ and the escape character itself match literally (PostgreSQL's default
/// escape is the backslash, which the queries also name explicitly where they pass one).
/// </summary>
public static class LikePatterns
{
    public static string Escape(string text) => text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");

    public static string Containing(string text) => "%" + Escape(text) + "%";

    public static string StartingWith(string text) => Escape(text) + "%";
}
