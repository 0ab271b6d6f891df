using System.Globalization;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Npgsql;

namespace KreativLand.Web.Infrastructure;

/// <summary>
/// While the database cannot be reached, the site answers 503 with Retry-After instead of 500: pages with the error page in
/// the reader's language, the API with a problem, a posted form with its input shown again (<see cref="FormFilter"/>, or
/// the error page's "send again" form when the page itself cannot be drawn). Npgsql's pool reconnects on its own, so the
/// site recovers without a restart as soon as the database is back.
/// </summary>
public static class DatabaseOutage
{
    /// <summary>Seconds a client is asked to wait (Retry-After).</summary>
    public const int RetryAfterSeconds = 10;
    public const string FormKeptMessage = "Outage.FormKept";
    /// <summary>Set when a page is drawn again after its form failed for an outage: the layout shows the message on top.</summary>
    public const string FormKeptItem = "kl-outage-form-kept";

    /// <summary>Whether the exception (or one it wraps) says the database is unreachable, shutting down or out of connections.</summary>
    public static bool Is(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is AggregateException aggregate) return aggregate.InnerExceptions.Any(Is);
            // Server errors: only connection failures (08), shutdown and start-up (57P), resources such as too many connections (53).
            if (e is PostgresException server) return server.SqlState.StartsWith("08") || server.SqlState.StartsWith("57P") || server.SqlState.StartsWith("53");
            // An NpgsqlException that is no server error: refused, broken or timed-out connection, exhausted pool.
            if (e is NpgsqlException) return true;
        }
        return false;
    }

    /// <summary>For <see cref="ExceptionHandlerOptions.StatusCodeSelector"/>: 503 for an outage, else the usual 500.</summary>
    public static int StatusCodeFor(Exception exception) =>
        Is(exception) ? StatusCodes.Status503ServiceUnavailable
        : exception is BadHttpRequestException refused ? refused.StatusCode
        : StatusCodes.Status500InternalServerError;

    public static void MarkUnavailable(HttpResponse response)
    {
        response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>A page's form handler that failed for an outage shows the page again, with what was posted and a message.</summary>
    public sealed class FormFilter : IAsyncPageFilter
    {
        public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

        public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
        {
            var executed = await next();
            if (executed.Exception is null || executed.ExceptionHandled || HttpMethods.IsGet(context.HttpContext.Request.Method)) return;
            if (!Is(executed.Exception)) return;
            executed.ExceptionHandled = true;
            context.HttpContext.Items[FormKeptItem] = true;
            MarkUnavailable(context.HttpContext.Response);
            // If drawing the page needs the database too, that fails in turn and the error page keeps the input instead.
            executed.Result = new PageResult();
        }
    }

    public static IApplicationBuilder UseOutageAwareExceptionHandler(this IApplicationBuilder app, string? errorPath = null) =>
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = errorPath is null ? default : new PathString(errorPath),
            StatusCodeSelector = StatusCodeFor,
        });
}
