using System.Linq.Expressions;
using KreativLand.Web.Domain;
using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;

namespace KreativLand.Web.Listings;

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

/// <summary>
/// The full-text search of the listing filter's text: the words as a web search ("a b", "a OR b", "-a", "a phrase"),
/// without accents, in three configurations OR-ed: simple (names and words as written), german and english (stems). The
/// filter's condition and the relevance order of <see cref="CooperationSearchQuery.Search"/> both use this one query.
/// </summary>
public static class TextSearch
{
    private static readonly Expression<Func<string, NpgsqlTsQuery>> AnyLanguage = text =>
        EF.Functions.WebSearchToTsQuery("simple", EF.Functions.Unaccent(text))
            .Or(EF.Functions.WebSearchToTsQuery("german", EF.Functions.Unaccent(text)))
            .Or(EF.Functions.WebSearchToTsQuery("english", EF.Functions.Unaccent(text)));

    /// <summary>The listing's search document matches the text.</summary>
    public static Expression<Func<Cooperation, bool>> Matches(string text) =>
        With((Cooperation c, NpgsqlTsQuery query) => c.Search!.Document.Matches(query), text);

    /// <summary>How well the listing's search document matches the text (ts_rank), for ordering by relevance.</summary>
    public static Expression<Func<Cooperation, float>> Rank(string text) =>
        With((Cooperation c, NpgsqlTsQuery query) => c.Search!.Document.Rank(query), text);

    /// <summary><paramref name="use"/> with the query of <paramref name="text"/> written into it, so it stays one SQL expression.</summary>
    private static Expression<Func<Cooperation, TResult>> With<TResult>(Expression<Func<Cooperation, NpgsqlTsQuery, TResult>> use, string text)
    {
        // The text as a captured variable: EF Core sends it as a parameter, as a closure in the query itself would be.
        Expression<Func<string>> captured = () => text;
        var query = new Replace(AnyLanguage.Parameters[0], captured.Body).Visit(AnyLanguage.Body);
        return Expression.Lambda<Func<Cooperation, TResult>>(new Replace(use.Parameters[1], query).Visit(use.Body), use.Parameters[0]);
    }

    private sealed class Replace(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
