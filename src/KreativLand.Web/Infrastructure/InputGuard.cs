using KreativLand.Web.Api;
using Microsoft.Extensions.Localization;

namespace KreativLand.Web.Infrastructure;

/// <summary>
/// Refuses control characters (NUL and the other C0 codes except tab and line breaks) in query-string values (this
/// middleware) and form values (<see cref="FormFilter"/>) before anything reaches the database, which cannot store NUL in text. The answer is a 400 naming the
/// parameter: problem+json for the API, the error page otherwise.
/// </summary>
public static class InputGuard
{
    public const string BadParameterItem = "kl-bad-parameter";

    public static IApplicationBuilder UseInputGuard(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        // The error page, re-executed for this very request, must get through.
        if (context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null)
        {
            await next();
            return;
        }
        var bad = context.Request.Query.FirstOrDefault(pair => !TextGuard.IsAcceptable(pair.Key) || pair.Value.Any(v => !TextGuard.IsAcceptable(v))).Key;
        if (bad is null)
        {
            await next();
            return;
        }
        Refuse(context, bad);
        if (ApiProblems.IsApi(context.Request.Path))
        {
            var localizer = context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
            await ApiProblems.BadCharacters(localizer, Printable(bad)).ExecuteAsync(context);
        }
    });

    /// <summary>A refused name may itself hold the refused characters: those are shown as U+FFFD.</summary>
    private static string Printable(string name) =>
        new(name.Select(c => c < ' ' || char.IsSurrogate(c) || c is >= '\u007F' and <= '\u009F' ? '\uFFFD' : c).Take(100).ToArray());

    private static void Refuse(HttpContext context, string parameter)
    {
        context.Items[BadParameterItem] = Printable(parameter);
        RefusedRequest.AnswerWithErrorPage(context, StatusCodes.Status400BadRequest);
    }

    /// <summary>
    /// The same check for form posts, as a page filter: it runs after a page's own size limits ([RequestSizeLimit],
    /// [RequestFormLimits], order 900) have been applied and before the antiforgery check (order 1000), so an upload
    /// is read once, within its page's limits, and only where a page takes a form.
    /// </summary>
    public sealed class FormFilter : Microsoft.AspNetCore.Mvc.Filters.IAsyncAuthorizationFilter, Microsoft.AspNetCore.Mvc.Filters.IOrderedFilter
    {
        public int Order => 950;

        public async Task OnAuthorizationAsync(Microsoft.AspNetCore.Mvc.Filters.AuthorizationFilterContext context)
        {
            var request = context.HttpContext.Request;
            if (HttpMethods.IsGet(request.Method) || !request.HasFormContentType) return;
            // The error page drawn for this very request (a 413, an exception) must not read the refused body again.
            if (context.HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null
                || context.HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>() is not null) return;
            string? bad;
            var status = StatusCodes.Status400BadRequest;
            try
            {
                var form = await request.ReadFormAsync(context.HttpContext.RequestAborted);
                bad = form.FirstOrDefault(pair => !TextGuard.IsAcceptable(pair.Key) || pair.Value.Any(v => !TextGuard.IsAcceptable(v))).Key;
                if (bad is null && form.Files.Any(file => !TextGuard.IsAcceptable(file.FileName))) bad = "file name";
            }
            catch (Exception tooLarge) when (tooLarge is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }
                || tooLarge is InvalidDataException && tooLarge.Message.Contains("length limit", StringComparison.OrdinalIgnoreCase))
            {
                bad = null;
                status = StatusCodes.Status413PayloadTooLarge;
            }
            catch (Exception exception) when (exception is InvalidDataException or BadHttpRequestException or IOException)
            {
                // Too many fields, a body over the limit, NUL in a value (the framework refuses it while decoding).
                bad = "form";
            }
            if (status == StatusCodes.Status413PayloadTooLarge)
            {
                // The friendly 413 page (status code pages): the body is not read again.
                RefusedRequest.AnswerWithErrorPage(context.HttpContext, status);
                context.Result = new Microsoft.AspNetCore.Mvc.StatusCodeResult(status);
                return;
            }
            if (bad is null) return;
            Refuse(context.HttpContext, bad);
            context.Result = new Microsoft.AspNetCore.Mvc.StatusCodeResult(StatusCodes.Status400BadRequest);
        }
    }
}

/// <summary>Marks a refused antiforgery token, so the error page can say the form expired instead of something vague.</summary>
public sealed class AntiforgeryFailureMarker : Microsoft.AspNetCore.Mvc.Filters.IAlwaysRunResultFilter
{
    public const string Item = "kl-form-expired";

    public void OnResultExecuting(Microsoft.AspNetCore.Mvc.Filters.ResultExecutingContext context)
    {
        if (context.Result is Microsoft.AspNetCore.Mvc.Core.Infrastructure.IAntiforgeryValidationFailedResult) context.HttpContext.Items[Item] = true;
    }

    public void OnResultExecuted(Microsoft.AspNetCore.Mvc.Filters.ResultExecutedContext context) { }
}

/// <summary>Errors under the API paths are answered as problem+json, never with the HTML error page.</summary>
public static class ApiErrors
{
    public static IApplicationBuilder UseApiProblemDetails(this IApplicationBuilder app) =>
        app.UseWhen(context => ApiProblems.IsApi(context.Request.Path), api =>
        {
            api.UseOutageAwareExceptionHandler();
            api.UseStatusCodePages();
        });
}
