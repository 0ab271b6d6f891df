using KreativLand.Web.Domain;
using Microsoft.AspNetCore.Localization;

namespace KreativLand.Web.Infrastructure;

/// <summary>
/// Serves every page under /de/… and /en/… as well as unprefixed. The prefix is moved into PathBase,
/// so every link the site generates keeps the language without each page having to pass it on.
/// Choosing a language by URL also remembers it in the culture cookie.
/// </summary>
public sealed class LanguagePathPrefix(RequestDelegate next)
{
    private const string ItemKey = "kl-language-from-path";
    private const string SiteBaseKey = "kl-site-path-base";

    public Task InvokeAsync(HttpContext context)
    {
        foreach (var language in Languages.All)
        {
            if (context.Request.Path.StartsWithSegments("/" + language, out var rest))
            {
                context.Items[SiteBaseKey] = context.Request.PathBase;
                context.Request.PathBase = context.Request.PathBase.Add("/" + language);
                context.Request.Path = rest.HasValue ? rest : "/";
                context.Items[ItemKey] = language;
                RememberChoice(context, language);
                break;
            }
        }
        return next(context);
    }

    public static string? LanguageFromPath(HttpContext context) => context.Items[ItemKey] as string;

    /// <summary>
    /// The path base without the language prefix: static files, the API and the import map live there once, so /de and /en pages
    /// share one cached copy of each file instead of two.
    /// </summary>
    public static PathString SitePathBase(HttpContext context) =>
        context.Items[SiteBaseKey] is PathString original ? original : context.Request.PathBase;

    private static void RememberChoice(HttpContext context, string language)
    {
        var cookieValue = CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(language));
        if (context.Request.Cookies[CookieRequestCultureProvider.DefaultCookieName] == cookieValue) return;
        context.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName, cookieValue, new CookieOptions
        {
            Expires = DateTimeOffset.UtcNow.AddYears(1),
            IsEssential = true,
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
        });
    }

    public sealed class ProviderFromPath : RequestCultureProvider
    {
        public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext) =>
            Task.FromResult(LanguageFromPath(httpContext) is { } language ? new ProviderCultureResult(language) : null);
    }
}
