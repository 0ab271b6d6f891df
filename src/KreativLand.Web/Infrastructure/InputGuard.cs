using System.Text.Json;

namespace KreativLand.Web.Infrastructure;

/// <summary>
/// Refuses control characters (NUL and the other C0 codes except tab and line breaks) in query-string and form
/// values before anything reaches the database, which cannot store NUL in text. The answer is a 400 naming the
/// parameter: problem+json for the API, the error page otherwise.
/// </summary>
public static class InputGuard
{
    public const string BadParameterItem = "kl-bad-parameter";

    public static IApplicationBuilder UseInputGuard(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var bad = context.Request.Query.FirstOrDefault(pair => pair.Value.Any(HasControlCharacter)).Key;
        if (bad is null && context.Request.HasFormContentType && !HttpMethods.IsGet(context.Request.Method))
        {
            try
            {
                var form = await context.Request.ReadFormAsync(context.RequestAborted);
                bad = form.FirstOrDefault(pair => pair.Value.Any(HasControlCharacter)).Key;
            }
            catch (Exception exception) when (exception is InvalidDataException or BadHttpRequestException or IOException)
            {
                // Too many fields, a body over the limit, a broken multipart body: the user's input is at fault.
                bad = "form";
            }
        }
        if (bad is null)
        {
            await next();
            return;
        }
        context.Items[BadParameterItem] = bad;
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        if (ApiErrors.IsApi(context.Request.Path))
        {
            context.Response.ContentType = "application/problem+json";
            await context.Response.WriteAsync(JsonSerializer.Serialize(new
            {
                type = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
                title = "The request has invalid parameters.",
                status = 400,
                errors = new Dictionary<string, string[]> { [bad] = ["contains a control character (such as NUL), which is not allowed"] },
            }));
        }
    });

    public static bool HasControlCharacter(string? value) =>
        value is not null && value.Any(c => c < ' ' && c is not ('\t' or '\n' or '\r'));
}

/// <summary>Errors under the API paths are answered as problem+json, never with the HTML error page.</summary>
public static class ApiErrors
{
    private static readonly PathString[] ApiPaths = ["/api/v1", "/ogc", "/openapi"];

    public static bool IsApi(PathString path) => ApiPaths.Any(p => path.StartsWithSegments(p));

    public static IApplicationBuilder UseApiProblemDetails(this IApplicationBuilder app) =>
        app.UseWhen(context => IsApi(context.Request.Path), api =>
        {
            api.UseExceptionHandler();
            api.UseStatusCodePages();
        });
}
