using System.Globalization;
using KreativLand.Web.Api;
using KreativLand.Web.Domain;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace KreativLand.Web.Infrastructure;

/// <summary>
/// The query parameters a public page or endpoint takes (endpoint metadata). Every endpoint with it answers an
/// unknown parameter with a 400 naming it; <c>lang</c> is always taken.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class AcceptsQueryAttribute(params string[] names) : Attribute
{
    public IReadOnlyList<string> Names { get; } = names;

    /// <summary>The map filter's parameters too (subsector, country, region, …).</summary>
    public bool Filter { get; init; }

    /// <summary>
    /// lang is this page's own parameter (the embedded map's language, the generator's embed language) rather than a
    /// request for the page in another language, which is answered with a redirect to the /de or /en address.
    /// </summary>
    public bool LanguageIsParameter { get; init; }
}

/// <summary>
/// One rule for query parameters on every public page and endpoint: a parameter the address does not take is a 400 naming
/// it (problem+json for data, the error page for HTML), never silently ignored; lang (de or en) chooses the language of the
/// answer, its error texts included, and an unsupported value is a 400 too. API endpoints take exactly what the OpenAPI
/// document lists for them (<see cref="ApiParameters.For"/>), so documentation and validation cannot drift apart.
/// </summary>
public static class QueryParameters
{
    public const string Language = "lang";
    /// <summary>For the error page: "name: message" per refused parameter.</summary>
    public const string UnknownItem = "kl-unknown-parameters";
    public const string WithoutUnknownItem = "kl-without-unknown-parameters";

    /// <summary>Campaign tags that mail and social sites append to shared links: harmless on HTML pages, so not refused there.</summary>
    private static readonly HashSet<string> TrackingParameters = new(StringComparer.OrdinalIgnoreCase) { "fbclid", "gclid", "msclkid", "mc_cid", "mc_eid" };

    private static readonly string[] FilterNames = ApiParameters.Filter.Select(p => p.Name).ToArray();

    /// <summary>The parameters an endpoint takes, or null when it declares none (admin, account, health, static files).</summary>
    public static IReadOnlySet<string>? Accepted(Endpoint endpoint) => AcceptedByEndpoint.GetValue(endpoint, e => new(FindAccepted(e))).Value;

    // Endpoints live as long as the app: their sets are worked out once, not on every request.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Endpoint, System.Runtime.CompilerServices.StrongBox<IReadOnlySet<string>?>> AcceptedByEndpoint = new();

    private static IReadOnlySet<string>? FindAccepted(Endpoint endpoint)
    {
        if (endpoint.Metadata.GetMetadata<AcceptsQueryAttribute>() is { } accepts)
        {
            var names = new HashSet<string>(accepts.Names, StringComparer.OrdinalIgnoreCase) { Language };
            if (accepts.Filter) names.UnionWith(FilterNames);
            return names;
        }
        if (endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName is { } name && ApiParameters.Documents(name))
            return ApiParameters.For(name).Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return null;
    }

    private static bool IsPage(Endpoint endpoint) => endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not null;

    /// <summary>After routing (the endpoint decides what it takes), before authorization, the cache and the endpoint.</summary>
    public static IApplicationBuilder UseStrictQueryParameters(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            || context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null
            || context.GetEndpoint() is not { } endpoint
            || Accepted(endpoint) is not { } accepted)
        {
            await next();
            return;
        }
        var page = IsPage(endpoint);
        var unknown = request.Query.Keys
            .Where(key => !accepted.Contains(key) && !(page && (TrackingParameters.Contains(key) || key.StartsWith("utm_", StringComparison.OrdinalIgnoreCase))))
            .ToList();
        var language = request.Query[Language].LastOrDefault();
        var ownLanguage = endpoint.Metadata.GetMetadata<AcceptsQueryAttribute>() is { LanguageIsParameter: true };
        // Where lang is the page's own setting (the embeds), the page names a bad value among its other settings.
        var badLanguage = language is not null && !Languages.IsSupported(language) && !ownLanguage;
        if (unknown.Count == 0 && !badLanguage)
        {
            if (page && language is not null && !ownLanguage)
            {
                // ?lang= on a page asks for it in that language: its address is the /de or /en one, which every link on it keeps.
                context.Response.Redirect(LanguagePathPrefix.SitePathBase(context) + "/" + language + request.Path + Without(request, [Language]));
                return;
            }
            await next();
            return;
        }

        var localizer = context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        var known = string.Join(", ", accepted.Order(StringComparer.Ordinal));
        var errors = unknown.ToDictionary(key => key,
            key => new[] { string.Format(CultureInfo.InvariantCulture, localizer["Query.Error.Unknown"].Value, key, known) });
        if (badLanguage) errors[Language] = [string.Format(CultureInfo.InvariantCulture, localizer["Filter.Error.Language"].Value, language)];
        if (page)
        {
            // The error page (re-executed for the 400) names them and links the same address without them.
            context.Items[UnknownItem] = errors.Select(e => $"{e.Key}: {e.Value[0]}").ToList();
            context.Items[WithoutUnknownItem] = request.PathBase + request.Path + Without(request, errors.Keys);
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        await ApiProblems.BadParameters(errors, localizer["Query.Error.Title"].Value).ExecuteAsync(context);
    });

    private static string Without(HttpRequest request, IEnumerable<string> names)
    {
        var left = new HashSet<string>(names, StringComparer.OrdinalIgnoreCase);
        return QueryString.Create(request.Query.Where(p => !left.Contains(p.Key))
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)))).Value ?? "";
    }

    /// <summary>
    /// lang in the query string chooses the language (before the /de or /en prefix, the cookie and Accept-Language), so
    /// an API answer and its error texts follow it. Not on the embed generator, whose lang is the embed being configured.
    /// </summary>
    public sealed class LanguageFromQuery : RequestCultureProvider
    {
        public static readonly PathString EmbedGenerator = "/embed";

        public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
        {
            var request = httpContext.Request;
            var language = request.Query[Language].LastOrDefault();
            var generator = request.Path.Equals(EmbedGenerator, StringComparison.OrdinalIgnoreCase)
                || request.Path.Equals(EmbedGenerator + "/", StringComparison.OrdinalIgnoreCase);
            return Task.FromResult(!generator && Languages.IsSupported(language) ? new ProviderCultureResult(language!) : null);
        }
    }
}
