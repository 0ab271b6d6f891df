using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace KreativLand.Web.Api;

/// <summary>
/// The problem answers of the public API, written one way: RFC 9457 problem+json through TypedResults, which write through
/// <see cref="IProblemDetailsService"/> (AddProblemDetails: its customisation and the trace id apply to every problem).
/// Handlers return these results; middleware executes them (<c>await ApiProblems.X(...).ExecuteAsync(context)</c>). The
/// errors no handler writes (404 of an unknown path, 405, 500, 503) come from the same service through the status code
/// pages and the exception handler under <see cref="PublicPaths.Api"/> (<c>ApiErrors.UseApiProblemDetails</c>).
/// </summary>
public static class ApiProblems
{
    public const string BadRequestType = "https://tools.ietf.org/html/rfc9110#section-15.5.1";

    /// <summary>Under <see cref="PublicPaths.Api"/>: every answer, errors included, is data (problem+json), never the HTML error page.</summary>
    public static bool IsApi(PathString path) => PublicPaths.Under(path, PublicPaths.Api);

    /// <summary>404 naming what was not found (a slug, a feature id, a collection).</summary>
    public static ProblemHttpResult NotFound(IStringLocalizer localizer, string what) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: localizer["Api.NotFound"].Value, detail: what);

    /// <summary>400 naming each bad parameter with its messages.</summary>
    public static ValidationProblem BadParameters(IDictionary<string, string[]> errors, string title) =>
        TypedResults.ValidationProblem(errors, title: title, type: BadRequestType);

    /// <summary>400 for a parameter whose name or value breaks the text rule (a control character, bytes that are not UTF-8).</summary>
    public static ValidationProblem BadCharacters(IStringLocalizer localizer, string parameter) =>
        BadParameters(new Dictionary<string, string[]> { [parameter] = [localizer["Api.Error.BadCharacters"].Value] }, localizer["Query.Error.Title"].Value);

    /// <summary>429 for a client over the API's requests per minute, saying when to try again and what to do instead.</summary>
    public static ProblemHttpResult TooManyRequests(string retryAfterSeconds) => TypedResults.Problem(
        statusCode: StatusCodes.Status429TooManyRequests,
        type: "https://tools.ietf.org/html/rfc6585#section-4",
        title: "Too many requests.",
        detail: $"This client sent more requests than the API allows per minute. Try again in {retryAfterSeconds} seconds, or download the whole data set once (/api/v1/cooperations.geojson).");
}
