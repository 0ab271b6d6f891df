using System.Globalization;
using System.Text.Json.Nodes;
using KreativLand.Web.Domain;
using KreativLand.Web.Pages.Cooperations;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Localization;
using Microsoft.OpenApi;
using Names = KreativLand.Web.Pages.Cooperations.CooperationFilter.Parameter;

namespace KreativLand.Web.Api;

/// <summary>
/// The query parameters of the public API, described once: the OpenAPI document and the API page (/api) both
/// read this list; descriptions are resources ("Api.Param.NAME"), so the page explains them in German and English.
/// </summary>
public static class ApiParameters
{
    public sealed record Parameter(string Name, string Example, bool Repeatable = false, IReadOnlyList<string>? Values = null, bool Integer = false,
        int? Default = null)
    {
        public string DescriptionKey => "Api.Param." + Name;
    }

    public static readonly IReadOnlyList<Parameter> Filter =
    [
        new(Names.Subsector, "design", Repeatable: true, Values: Subsector.Seed.Select(s => s.Code).ToList()),
        new(Names.Country, "AT", Repeatable: true),
        new(Names.Region, "sachsen"),
        new(Names.RegionValue, "tourism-offer", Repeatable: true, Values: Code.All<RegionValue>()),
        new(Names.PartnerValue, "innovation", Repeatable: true, Values: Code.All<PartnerValue>()),
        new(Names.Contact, "joint-events", Repeatable: true, Values: Code.All<ContactOrigin>()),
        new(Names.Duration, "more-than-5-years", Repeatable: true, Values: Code.All<DurationOption>()),
        new(Names.Text, "Gölles"),
        new(Names.Bbox, "9.5,46.3,17.2,49.1"),
        new(Names.Near, "13.0,50.6"),
        new(Names.RadiusKm, "50"),
    ];

    public static readonly Parameter Language = new(CooperationsApi.LanguageParameter, "en", Values: Languages.All);

    public static readonly IReadOnlyList<Parameter> Ogc =
    [
        new("limit", "100", Integer: true, Default: OgcApi.DefaultLimit),
        new("offset", "100", Integer: true),
        new("f", "html", Values: ["json", "html"]),
    ];

    public static readonly Parameter RegionLevel = new("level", "state");

    /// <summary>The list's first N (the home page's result list); without it, all.</summary>
    public static readonly Parameter ListLimit = new(CooperationsApi.LimitParameter, "200", Integer: true);

    /// <summary>Which endpoint (by name) takes which query parameters.</summary>
    public static IReadOnlyList<Parameter> For(string endpointName) => endpointName switch
    {
        "ListCooperations" => [.. Filter, Language, ListLimit],
        "ListMapPoints" or "ExportCooperationsCsv" or "ExportCooperationsGeoJson" or "GetFacets" => [.. Filter, Language],
        "GetCooperation" or "OgcItem" => [Language, Ogc[2]],
        "OgcItems" => [.. Filter, Language, .. Ogc],
        "ListRegions" => [RegionLevel],
        _ when endpointName.StartsWith("Ogc", StringComparison.Ordinal) => [Ogc[2]],
        _ => [],
    };

    /// <summary>Adds the documented parameters (in English) to every operation of the OpenAPI document.</summary>
    public static IServiceCollection AddKreativLandOpenApi(this IServiceCollection services) =>
        services.AddOpenApi("v1", options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "KreativLand API";
                document.Info.Version = "v1";
                document.Info.Description = "Read-only open data of KreativLand: published cooperations between rural SMEs and the cultural and creative industries. "
                    + "GeoJSON (RFC 7946, longitude before latitude), CSV and OGC API – Features. Any origin may read it (CORS); responses carry ETag and Last-Modified.";
                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                var name = context.Description.ActionDescriptor.EndpointMetadata.OfType<IEndpointNameMetadata>().FirstOrDefault()?.EndpointName;
                if (name is null) return Task.CompletedTask;
                var localizer = context.ApplicationServices.GetRequiredService<IStringLocalizer<SharedResource>>();
                var previous = CultureInfo.CurrentUICulture;
                CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(Languages.English);
                try
                {
                    operation.Parameters ??= [];
                    foreach (var existing in operation.Parameters.OfType<OpenApiParameter>())
                    {
                        if (existing.Name is { } parameterName && localizer["Api.Param." + parameterName] is { ResourceNotFound: false } text)
                            existing.Description = text.Value;
                    }
                    foreach (var parameter in For(name))
                    {
                        if (operation.Parameters.Any(p => p.Name == parameter.Name)) continue;
                        operation.Parameters.Add(ToOpenApi(parameter, localizer[parameter.DescriptionKey].Value));
                    }
                }
                finally
                {
                    CultureInfo.CurrentUICulture = previous;
                }
                return Task.CompletedTask;
            });
        });

    private static OpenApiParameter ToOpenApi(Parameter parameter, string description)
    {
        var schema = new OpenApiSchema { Type = parameter.Integer ? JsonSchemaType.Integer : JsonSchemaType.String };
        if (parameter.Values is { } values) schema.Enum = values.Select(v => (JsonNode)JsonValue.Create(v)!).ToList();
        if (parameter.Name == "limit")
        {
            schema.Minimum = "1";
            schema.Maximum = OgcApi.MaxLimit.ToString(CultureInfo.InvariantCulture);
            if (parameter.Default is { } defaultValue) schema.Default = JsonValue.Create(defaultValue);
        }
        if (parameter.Name == "offset") schema.Minimum = "0";
        return new OpenApiParameter
        {
            Name = parameter.Name,
            In = ParameterLocation.Query,
            Description = description,
            Required = false,
            Schema = parameter.Repeatable ? new OpenApiSchema { Type = JsonSchemaType.Array, Items = schema } : schema,
            Style = parameter.Repeatable ? ParameterStyle.Form : null,
            Explode = parameter.Repeatable,
            Example = parameter.Integer ? JsonValue.Create(int.Parse(parameter.Example, CultureInfo.InvariantCulture)) : JsonValue.Create(parameter.Example),
        };
    }
}
