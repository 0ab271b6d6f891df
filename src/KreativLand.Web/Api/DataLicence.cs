using System.Text.Json;
using Microsoft.Extensions.Options;

namespace KreativLand.Web.Api;

/// <summary>
/// The licence of the open data (API, downloads, OGC API, feed), an operator setting (section "OpenData:Licence"); CC BY 4.0
/// unless set otherwise. Named in every answer: a Link header (rel="license"), the bodies' licence member or link, the CSV's
/// licence column, the API page and the OpenAPI document.
/// </summary>
public sealed class DataLicence
{
    public const string Section = "OpenData:Licence";
    public const string DefaultName = "CC BY 4.0";
    public const string DefaultUrl = "https://creativecommons.org/licenses/by/4.0/";

    public string Name { get; set; } = DefaultName;
    public string Url { get; set; } = DefaultUrl;
    /// <summary>Whom users credit ("© KreativLand" style attribution the licence asks for).</summary>
    public string Attribution { get; set; } = "KreativLand";

    public string LinkHeader => $"<{Url}>; rel=\"license\"";

    /// <summary>The licence as a JSON member of GeoJSON and JSON answers ("licence" is a foreign member in GeoJSON, RFC 7946 §6.1).</summary>
    public void WriteJson(Utf8JsonWriter json, string propertyName = "licence")
    {
        json.WriteStartObject(propertyName);
        json.WriteString("name", Name);
        json.WriteString("url", Url);
        json.WriteString("attribution", Attribution);
        json.WriteEndObject();
    }

    public static DataLicence Of(HttpContext context) => context.RequestServices.GetRequiredService<IOptions<DataLicence>>().Value;

    public static IServiceCollection AddDataLicence(IServiceCollection services)
    {
        services.AddOptions<DataLicence>().BindConfiguration(Section)
            .Validate(l => !string.IsNullOrWhiteSpace(l.Name), $"{Section}:Name must not be empty")
            .Validate(l => Uri.TryCreate(l.Url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http", $"{Section}:Url must be an absolute http(s) URL")
            .ValidateOnStart();
        return services;
    }
}
