using System.Globalization;
using System.Text.Json.Nodes;
using KreativLand.Web.Data;
using KreativLand.Web.Domain;
using KreativLand.Web.Listings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.OpenApi;

namespace KreativLand.Web.Api;

/// <summary>
/// The OpenAPI document (/openapi/v1.json), complete: every operation with the query parameters it takes
/// (<see cref="ApiParameters.For"/>, the same list that refuses any other), examples that validate against their schemas
/// and answer 200 on this database, and its answers: 200 with media type and schema, 304 for a matching validator,
/// 400 and 404 as problem+json. All in English.
/// </summary>
public static class OpenApiDocumentation
{
    public const string ProblemType = "application/problem+json";
    private const string JsonType = "application/json";
    private const string HtmlType = "text/html";

    private static readonly Dictionary<string, string> TagDescriptions = new()
    {
        [CooperationsApi.Tag] = "Read-only open data: the published cooperations as GeoJSON, JSON and CSV, with the map's filter.",
        [OgcApi.Tag] = "OGC API – Features Part 1 (Core, GeoJSON, HTML) over the published cooperations, for GIS programs.",
        [Discovery.DiscoveryEndpoints.FeedTag] = "Atom feed of newly published cooperations.",
    };

    public static IServiceCollection AddKreativLandOpenApi(this IServiceCollection services) =>
        services.AddOpenApi("v1", options => options.AddDocumentTransformer(async (document, context, cancellationToken) =>
        {
            var localizer = context.ApplicationServices.GetRequiredService<IStringLocalizer<SharedResource>>();
            await using var scope = context.ApplicationServices.CreateAsyncScope();
            var examples = await ExamplesAsync(scope.ServiceProvider.GetRequiredService<KreativLandDbContext>(), cancellationToken);
            var previous = CultureInfo.CurrentUICulture;
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(Languages.English);
            var licence = context.ApplicationServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<DataLicence>>().Value;
            try { Describe(document, localizer, examples, licence); }
            finally { CultureInfo.CurrentUICulture = previous; }
        }));

    /// <summary>Path and region examples that exist in this database, so every documented example answers 200.</summary>
    private sealed record Examples(string? CooperationSlug, int? CooperationId, string? RegionSlug);

    private static async Task<Examples> ExamplesAsync(KreativLandDbContext db, CancellationToken cancellationToken)
    {
        var cooperation = await CooperationQueries.Published(db).OrderBy(c => c.Slug).Select(c => new { c.Slug, c.Id }).FirstOrDefaultAsync(cancellationToken);
        var region = await db.Regions.AsNoTracking()
            .OrderBy(r => r.Level == Region.CountryLevel ? 1 : 0).ThenBy(r => r.Name).Select(r => r.Slug).FirstOrDefaultAsync(cancellationToken);
        return new Examples(cooperation?.Slug, cooperation?.Id, region);
    }

    private static void Describe(OpenApiDocument document, IStringLocalizer localizer, Examples examples, DataLicence licence)
    {
        document.Info.Title = "KreativLand API";
        document.Info.Version = "v1";
        document.Info.Description = "Read-only open data of KreativLand: published cooperations between rural SMEs and the cultural and creative industries. "
            + "GeoJSON (RFC 7946, longitude before latitude), CSV, an Atom feed and OGC API – Features. Any origin may read it (CORS). "
            + "Answers carry ETag and Last-Modified; a conditional request whose validator still holds gets 304. "
            + "Every operation takes exactly the parameters listed for it: any other parameter, and any invalid value, is a 400 problem naming it. "
            + "lang (de or en) chooses the language of texts and of error messages.";
        document.Info.License = new OpenApiLicense { Name = licence.Name + " (the data)", Url = new Uri(licence.Url) };
        // The server is the site's origin (the paths start with /): without a trailing slash, or joined URLs get two.
        foreach (var server in document.Servers ?? []) server.Url = server.Url?.TrimEnd('/');
        document.Tags = new HashSet<OpenApiTag>(TagDescriptions.Select(t => new OpenApiTag { Name = t.Key, Description = t.Value }));
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        foreach (var (name, schema) in Schemas.All()) document.Components.Schemas[name] = schema;
        ((OpenApiSchema)document.Components.Schemas["CooperationDetail"]).Properties!["licence"] = new OpenApiSchemaReference("Licence", document);

        foreach (var (path, item) in document.Paths)
        {
            foreach (var (_, operation) in item.Operations ?? [])
            {
                if (operation.OperationId is not { } name) continue;
                Parameters(document, operation, name, localizer, examples);
                operation.Responses = Responses(document, name, path);
                operation.Security = [];
            }
        }
    }

    private static void Parameters(OpenApiDocument document, OpenApiOperation operation, string name, IStringLocalizer localizer, Examples examples)
    {
        var parameters = new List<IOpenApiParameter>();
        foreach (var existing in (operation.Parameters ?? []).OfType<OpenApiParameter>().Where(p => p.In == ParameterLocation.Path))
        {
            existing.Description = existing.Name switch
            {
                "slug" when name == "GetRegion" => "Slug of the region, from /api/v1/regions.",
                "slug" => "Slug of the published cooperation, from the list.",
                "collectionId" => "The collection: cooperations.",
                "featureId" => "The cooperation's id (the features' id).",
                _ => existing.Description,
            };
            existing.Example = existing.Name switch
            {
                "slug" when name == "GetRegion" => examples.RegionSlug is { } region ? JsonValue.Create(region) : null,
                "slug" => examples.CooperationSlug is { } slug ? JsonValue.Create(slug) : null,
                "collectionId" => JsonValue.Create(OgcApi.CollectionId),
                "featureId" => examples.CooperationId is { } id ? JsonValue.Create(id.ToString(CultureInfo.InvariantCulture)) : null,
                _ => existing.Example,
            };
            parameters.Add(existing);
        }
        foreach (var parameter in ApiParameters.For(name))
        {
            var example = parameter.Name == CooperationFilter.Parameter.Region ? examples.RegionSlug : parameter.Example;
            parameters.Add(ToOpenApi(parameter, localizer[parameter.DescriptionKey].Value, example));
        }
        operation.Parameters = parameters;
    }

    private static OpenApiParameter ToOpenApi(ApiParameters.Parameter parameter, string description, string? example)
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
        JsonNode? exampleNode = example is null ? null
            : parameter.Integer ? JsonValue.Create(int.Parse(example, CultureInfo.InvariantCulture))
            : JsonValue.Create(example);
        return new OpenApiParameter
        {
            Name = parameter.Name,
            In = ParameterLocation.Query,
            Description = description,
            Required = false,
            Schema = parameter.Repeatable ? new OpenApiSchema { Type = JsonSchemaType.Array, Items = schema } : schema,
            Style = parameter.Repeatable ? ParameterStyle.Form : null,
            Explode = parameter.Repeatable,
            // An array parameter's example is an array (a string would not validate against its schema).
            Example = exampleNode is null ? null : parameter.Repeatable ? new JsonArray(exampleNode) : exampleNode,
        };
    }

    private static OpenApiResponses Responses(OpenApiDocument document, string name, string path)
    {
        IOpenApiSchema Ref(string id) => new OpenApiSchemaReference(id, document);
        var text = new OpenApiSchema { Type = JsonSchemaType.String };
        (string Description, Dictionary<string, IOpenApiSchema> Content) ok = name switch
        {
            "ListCooperations" => ("The matching cooperations, newest first (by relevance with q).", new() { [CooperationsApi.GeoJsonContentType] = Ref("CooperationCollection") }),
            "ListMapPoints" => ("Every matching cooperation as a point with its subsector codes.", new() { [CooperationsApi.GeoJsonContentType] = Ref("MapPointCollection") }),
            "GetCooperation" => ("The cooperation.", new() { [CooperationsApi.GeoJsonContentType] = Ref("CooperationDetail") }),
            "ListSubsectors" => ("The subsectors.", new() { [JsonType] = new OpenApiSchema { Type = JsonSchemaType.Array, Items = Ref("Subsector") } }),
            "GetFacets" => ("Counts per filter option.", new() { [JsonType] = Ref("Facets") }),
            "SuggestPlaces" => ("Up to ten places, most populous first.", new() { [JsonType] = Ref("PlaceSuggestions") }),
            "ListRegions" => ("The regions.", new() { [JsonType] = new OpenApiSchema { Type = JsonSchemaType.Array, Items = Ref("Region") } }),
            "GetRegion" => ("The region with its simplified boundary.", new() { [CooperationsApi.GeoJsonContentType] = Ref("RegionFeature") }),
            "GetStatistics" => ("The evaluation of the matching cooperations.", new() { [JsonType] = Ref("Statistics") }),
            "ExportCooperationsCsv" => ("CSV (UTF-8 with byte order mark, RFC 4180), one row per cooperation, columns as on the API page.", new() { ["text/csv"] = text }),
            "ExportCooperationsGeoJson" => ("A GeoJSON download with the CSV's columns as properties.", new() { [CooperationsApi.GeoJsonContentType] = Ref("ExportCollection") }),
            "FeedOfNewCooperations" => ("An Atom feed (RFC 4287) of the 50 most recently published matching cooperations.", new() { ["application/atom+xml"] = text }),
            "OgcLandingPage" => ("The landing page.", new() { [JsonType] = Ref("OgcLandingPage"), [HtmlType] = text }),
            "OgcConformance" => ("The conformance classes.", new() { [JsonType] = Ref("OgcConformance"), [HtmlType] = text }),
            "OgcCollections" => ("The collections.", new() { [JsonType] = Ref("OgcCollections"), [HtmlType] = text }),
            "OgcCollection" => ("The collection.", new() { [JsonType] = Ref("OgcCollection"), [HtmlType] = text }),
            "OgcItems" => ("One page of features, with next/prev links.", new() { [CooperationsApi.GeoJsonContentType] = Ref("OgcFeatureCollection"), [HtmlType] = text }),
            "OgcItem" => ("The feature.", new() { [CooperationsApi.GeoJsonContentType] = Ref("ExportFeature"), [HtmlType] = text }),
            _ => throw new InvalidOperationException($"The OpenAPI document has no answer for {name}; add it here."),
        };
        var responses = new OpenApiResponses
        {
            ["200"] = new OpenApiResponse
            {
                Description = ok.Description,
                Content = ok.Content.ToDictionary(c => c.Key, c => new OpenApiMediaType { Schema = c.Value }),
                Headers = new Dictionary<string, IOpenApiHeader>
                {
                    ["ETag"] = new OpenApiHeader { Description = "Validator of this answer; send it back in If-None-Match.", Schema = new OpenApiSchema { Type = JsonSchemaType.String } },
                    ["Last-Modified"] = new OpenApiHeader { Description = "When the published data last changed.", Schema = new OpenApiSchema { Type = JsonSchemaType.String } },
                },
            },
            ["304"] = new OpenApiResponse { Description = "Not modified: the If-None-Match or If-Modified-Since validator still holds." },
            ["400"] = new OpenApiResponse
            {
                Description = "A parameter is unknown or has an invalid value; errors names each one.",
                Content = new Dictionary<string, OpenApiMediaType> { [ProblemType] = new() { Schema = Ref("ValidationProblem") } },
            },
        };
        if (path.Contains('{'))
        {
            responses["404"] = new OpenApiResponse
            {
                Description = "There is no such published item.",
                Content = new Dictionary<string, OpenApiMediaType> { [ProblemType] = new() { Schema = Ref("Problem") } },
            };
        }
        return responses;
    }

    /// <summary>The answers' schemas (components), by hand: the endpoints stream or build JSON, so nothing can be inferred.</summary>
    private static class Schemas
    {
        private static OpenApiSchema Object(string? description, params (string Name, IOpenApiSchema Schema)[] properties) => new()
        {
            Type = JsonSchemaType.Object,
            Description = description,
            Properties = properties.ToDictionary(p => p.Name, p => p.Schema),
        };

        private static OpenApiSchema String(string? description = null, bool nullable = false) =>
            new() { Type = nullable ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String, Description = description };

        private static OpenApiSchema Integer(string? description = null, bool nullable = false) =>
            new() { Type = nullable ? JsonSchemaType.Integer | JsonSchemaType.Null : JsonSchemaType.Integer, Description = description };

        private static OpenApiSchema Number() => new() { Type = JsonSchemaType.Number };
        private static OpenApiSchema Boolean(bool nullable = false) => new() { Type = nullable ? JsonSchemaType.Boolean | JsonSchemaType.Null : JsonSchemaType.Boolean };
        private static OpenApiSchema Array(IOpenApiSchema items, string? description = null) => new() { Type = JsonSchemaType.Array, Items = items, Description = description };
        private static OpenApiSchema Constant(string value) => new() { Type = JsonSchemaType.String, Enum = [JsonValue.Create(value)!] };
        private static OpenApiSchema Counts(string description) => new() { Type = JsonSchemaType.Object, Description = description, AdditionalProperties = Integer() };

        private static OpenApiSchema Point() => Object("GeoJSON Point, [longitude, latitude] in WGS 84.",
            ("type", Constant("Point")), ("coordinates", new OpenApiSchema { Type = JsonSchemaType.Array, Items = Number(), MinItems = 2, MaxItems = 2 }));

        private static OpenApiSchema Feature(string description, IOpenApiSchema properties, IOpenApiSchema? geometry = null) =>
            Object(description, ("type", Constant("Feature")), ("id", Integer()), ("geometry", geometry ?? Point()), ("properties", properties));

        private static OpenApiSchema Collection(string description, IOpenApiSchema feature, params (string Name, IOpenApiSchema Schema)[] more) =>
            Object(description, [("type", Constant("FeatureCollection")), ("features", Array(feature)), .. more]);

        private static OpenApiSchema Link() => Object("A link (OGC API).", ("href", String()), ("rel", String()), ("type", String()), ("title", String()));

        private static OpenApiSchema ExportProperties()
        {
            var properties = OpenDataDownloads.FeatureProperties.Select(column => (column, (IOpenApiSchema)(column switch
            {
                "id" => Integer(),
                "start_year" => Integer(nullable: true),
                "end_year" => Integer(nullable: true),
                "ongoing" => Boolean(),
                _ => String(nullable: true),
            }))).ToArray();
            return Object("The export columns (lists joined with \"; \").", properties);
        }

        public static IEnumerable<(string Name, IOpenApiSchema Schema)> All()
        {
            yield return ("Licence", Object("The data licence (an operator setting; CC BY 4.0 by default).",
                ("name", String()), ("url", String()), ("attribution", String("Whom to credit."))));
            yield return ("Problem", Object("RFC 9457 problem details.",
                ("type", String()), ("title", String()), ("status", Integer()), ("detail", String()), ("instance", String())));
            yield return ("ValidationProblem", Object("RFC 9457 problem details naming each refused parameter.",
                ("type", String()), ("title", String()), ("status", Integer()),
                ("errors", new OpenApiSchema { Type = JsonSchemaType.Object, Description = "Messages per parameter name.", AdditionalProperties = Array(String()) })));
            yield return ("CooperationCollection", Collection("Published cooperations.",
                Feature("A cooperation.", Object(null, ("id", Integer()), ("slug", String()), ("title", String()), ("subsectors", Array(String())),
                    ("partners", Array(String())), ("municipality", String()), ("country", String("ISO 3166-1 alpha-2 code.")))),
                ("numberMatched", Integer("All matches, also beyond limit.")), ("licence", new OpenApiSchemaReference("Licence"))));
            yield return ("MapPointCollection", Collection("Points of the map.",
                Feature("A cooperation's position (1 m precision).", Object(null, ("subsectors", Array(String())))), ("numberMatched", Integer())));
            yield return ("CooperationDetail", Feature("Everything public about a cooperation.", new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "Texts in the chosen language and, under texts, in both.",
                Properties = new Dictionary<string, IOpenApiSchema>
                {
                    ["id"] = Integer(), ["slug"] = String(), ["url"] = String(), ["title"] = String(), ["summary"] = String(nullable: true),
                    ["description"] = String(nullable: true), ["startYear"] = Integer(nullable: true), ["endYear"] = Integer(nullable: true),
                    ["ongoing"] = Boolean(), ["subsectors"] = Array(String()), ["partners"] = Array(new OpenApiSchema { Type = JsonSchemaType.Object }),
                    ["source"] = String("Where the listing comes from (provenance).", nullable: true),
                    ["publishedAt"] = String(nullable: true), ["updatedAt"] = String(),
                },
                AdditionalProperties = new OpenApiSchema(),
            }));
            yield return ("Subsector", Object("A subsector of the cultural and creative industries.",
                ("code", String()), ("name", Object(null, ("de", String()), ("en", String()))), ("colour", String("CSS colour."))));
            yield return ("Facets", Object("Counts per option, each dimension counted under the other conditions.",
                ("total", Integer()), ("subsector", Counts("By subsector code.")), ("country", Counts("By country code.")),
                ("state", Counts("By state key (e.g. DE-sachsen).")), ("regionValue", Counts("By code.")), ("partnerValue", Counts("By code.")), ("contact", Counts("By code.")), ("duration", Counts("By code."))));
            yield return ("PlaceSuggestions", Object("Places for the distance filter.", ("attribution", String()),
                ("places", Array(Object(null, ("id", Integer()), ("name", String()), ("country", String()), ("countryName", String()),
                    ("admin1", String(nullable: true)), ("population", Integer(nullable: true)), ("lat", Number()), ("lon", Number()))))));
            yield return ("Region", Object("A region usable as filter.", ("slug", String()), ("name", String()), ("level", String()), ("country", String(nullable: true))));
            yield return ("RegionFeature", Object("A region with its boundary.", ("type", Constant("Feature")),
                ("geometry", new OpenApiSchema { Type = JsonSchemaType.Object, Description = "GeoJSON Polygon or MultiPolygon." }),
                ("properties", Object(null, ("slug", String()), ("name", String()), ("level", String()), ("country", String(nullable: true))))));
            var share = Object(null, ("code", String()), ("label", String()), ("count", Integer()), ("percent", Number()));
            yield return ("Statistics", Object("The evaluation of the matching published cooperations.",
                ("total", Integer()), ("query", String()),
                ("categories", Array(Object(null, ("code", String()), ("label", String()), ("options", Array(share))))),
                ("subsectors", Array(share)), ("countries", Array(share)),
                ("states", Array(Object(null, ("code", String()), ("label", String()), ("count", Integer()), ("percent", Number()),
                    ("country", String()), ("iso", String(nullable: true))))),
                ("pairings", Array(Object(null, ("sector", String(nullable: true)), ("sectorLabel", String()), ("subsector", String()), ("count", Integer())))),
                ("pairingFinding", new OpenApiSchema { Type = JsonSchemaType.Object })));
            yield return ("ExportFeature", Feature("A cooperation with the export columns.", ExportProperties()));
            yield return ("ExportCollection", Collection("The GeoJSON download.", new OpenApiSchemaReference("ExportFeature"), ("numberMatched", Integer()),
                ("licence", new OpenApiSchemaReference("Licence"))));
            yield return ("OgcLandingPage", Object("OGC API landing page.", ("title", String()), ("description", String()), ("links", Array(Link()))));
            yield return ("OgcConformance", Object("Conformance classes.", ("conformsTo", Array(String())), ("links", Array(Link()))));
            var collection = Object("A feature collection.", ("id", String()), ("title", String()), ("description", String()), ("itemType", String()),
                ("crs", Array(String())), ("extent", new OpenApiSchema { Type = JsonSchemaType.Object }), ("links", Array(Link())));
            yield return ("OgcCollection", collection);
            yield return ("OgcCollections", Object("The collections.", ("links", Array(Link())), ("collections", Array(new OpenApiSchemaReference("OgcCollection")))));
            yield return ("OgcFeatureCollection", Collection("One page of features.", new OpenApiSchemaReference("ExportFeature"),
                ("timeStamp", String()), ("numberMatched", Integer()), ("numberReturned", Integer()), ("links", Array(Link()))));
        }
    }
}
