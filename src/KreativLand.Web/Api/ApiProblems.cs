using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace KreativLand.Web.Api;

/// <summary>
/// The problem answers of the public API, written one way (RFC 9457 problem+json through TypedResults, so
/// <see cref="IProblemDetailsService"/> customisation and the trace id apply everywhere).
/// </summary>
public static class ApiProblems
{
    public const string BadRequestType = "https://tools.ietf.org/html/rfc9110#section-15.5.1";

    /// <summary>The paths whose every answer, errors included, is data (problem+json), never the HTML error page.</summary>
    public static readonly PathString[] Paths = ["/api/v1", "/ogc", "/openapi"];

    public static bool IsApi(PathString path) => Paths.Any(p => path.StartsWithSegments(p));

    /// <summary>404 naming what was not found (a slug, a feature id, a collection).</summary>
    public static ProblemHttpResult NotFound(IStringLocalizer localizer, string what) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: localizer["Api.NotFound"].Value, detail: what);

    /// <summary>400 naming each bad parameter with its messages.</summary>
    public static ValidationProblem BadParameters(IDictionary<string, string[]> errors, string title) =>
        TypedResults.ValidationProblem(errors, title: title, type: BadRequestType);
}
