using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KreativLand.Web.Infrastructure;

/// <summary>
/// A page answers the methods it has handlers for (always GET and HEAD; POST where it has a form) and 405 with an Allow
/// header to anything else (PUT, DELETE, PATCH, …), instead of the antiforgery check's 400. The API's minimal endpoints
/// get the same from routing itself.
/// </summary>
public static class MethodNotAllowed
{
    public static IApplicationBuilder UseMethodNotAllowed(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var page = context.GetEndpoint()?.Metadata.GetMetadata<CompiledPageActionDescriptor>();
        var reExecuted = context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null
            || context.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>() is not null;
        if (page is null || reExecuted)
        {
            await next();
            return;
        }
        var allowed = new List<string> { HttpMethods.Get, HttpMethods.Head };
        allowed.AddRange(page.HandlerMethods.Select(h => h.HttpMethod.ToUpperInvariant()).Where(m => m is not ("GET" or "HEAD")).Distinct());
        if (allowed.Contains(context.Request.Method.ToUpperInvariant()))
        {
            await next();
            return;
        }
        context.Response.Headers.Allow = string.Join(", ", allowed);
        RefusedRequest.AnswerWithErrorPage(context, StatusCodes.Status405MethodNotAllowed);
    });
}

/// <summary>
/// A body whose declared length is over the endpoint's limit ([RequestSizeLimit], else the server's) is answered with the
/// friendly 413 page before anything reads it: once Kestrel itself refuses a body while it is read, it answers an empty 413.
/// Kestrel then reads and discards the rest of the body (within its drain timeout) before closing, so the client, still
/// sending, gets to read the page instead of a reset connection.
/// </summary>
public static class RequestSizeCheck
{
    public static IApplicationBuilder UseRequestSizeCheck(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IRequestSizeLimitMetadata>()?.MaxRequestBodySize
            ?? context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
        if (context.Request.ContentLength is { } length && limit is { } max && length > max
            && context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null)
        {
            RefusedRequest.AnswerWithErrorPage(context, StatusCodes.Status413PayloadTooLarge);
            // Without a limit Kestrel drains the unread body after the answer (within its drain timeout) instead of resetting.
            if (context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
                size.MaxRequestBodySize = null;
            context.Response.Headers.Connection = "close";
            return;
        }
        await next();
    });
}
