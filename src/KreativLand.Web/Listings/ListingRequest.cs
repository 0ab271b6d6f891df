using System.Reflection;
using KreativLand.Web.Data;
using KreativLand.Web.Domain;
using Microsoft.Extensions.Localization;

namespace KreativLand.Web.Listings;

/// <summary>
/// The listing filter of one request, read from its query string once: the map data, the list
/// API, facets, statistics, downloads, OGC items and the feed take it as a parameter (minimal-API binding through
/// <see cref="BindAsync"/>), the pages' filter form and the embedded map through <see cref="ReadAsync"/>, and
/// <see cref="RefuseInvalid"/> answers a 400 problem naming every bad parameter before a handler runs. The answer's language
/// is the request's culture (<see cref="Languages.Current"/>), which lang= has already chosen (QueryParameters: one rule for
/// lang, a bad value refused there).
/// </summary>
public sealed record ListingRequest(CooperationFilter Filter, IReadOnlyDictionary<string, string[]> Errors)
{
    private const string Item = "kl-listing-request";

    public bool IsValid => Errors.Count == 0;

    /// <summary>"parameter: message" per problem, for pages that list them above the form.</summary>
    public IEnumerable<string> ErrorLines() => Errors.SelectMany(e => e.Value.Select(message => $"{e.Key}: {message}"));

    /// <summary>Minimal-API binding: the same instance for every parameter and every caller within one request.</summary>
    public static async ValueTask<ListingRequest?> BindAsync(HttpContext context, ParameterInfo parameter) =>
        await ReadAsync(context, context.RequestAborted);

    public static async Task<ListingRequest> ReadAsync(HttpContext context, CancellationToken cancellationToken)
    {
        if (context.Items[Item] is ListingRequest known) return known;
        var services = context.RequestServices;
        var localizer = services.GetRequiredService<IStringLocalizer<SharedResource>>();
        var errors = new Dictionary<string, string[]>();
        var (filter, filterErrors) = await CooperationFilter.ParseAsync(context.Request.Query, services.GetRequiredService<KreativLandDbContext>(), cancellationToken);
        foreach (var group in filterErrors.GroupBy(e => e.Parameter))
            errors[group.Key] = group.Select(e => localizer[e.MessageKey, e.Arguments].Value).ToArray();
        var request = new ListingRequest(filter, errors);
        context.Items[Item] = request;
        return request;
    }

    /// <summary>The 400 problem naming every bad parameter: this request's and an endpoint's own (<paramref name="more"/>).</summary>
    public IResult Problem(IStringLocalizer<SharedResource> localizer, IReadOnlyDictionary<string, string[]>? more = null)
    {
        var all = new Dictionary<string, string[]>(Errors);
        foreach (var (name, messages) in more ?? new Dictionary<string, string[]>()) all[name] = messages;
        return Api.ApiProblems.BadParameters(all, localizer["Filter.Error.Title"].Value);
    }

    /// <summary>Endpoint filter: a request whose filter or language is bad is answered with the problem; the handler never runs.</summary>
    public static async ValueTask<object?> RefuseInvalid(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument is ListingRequest { IsValid: false } invalid)
                return invalid.Problem(invocation.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>());
        }
        return await next(invocation);
    }
}
