using System.Globalization;
using System.Text;
using Microsoft.Playwright;

namespace KreativLand.Web.Tests.Browser;

/// <summary>Map data as /api/v1/map answers it, made up for a page whose map data a test routes: many design points.</summary>
internal static class SyntheticMapData
{
    /// <summary>A FeatureCollection of <paramref name="count"/> points, the i-th (from 0) at <paramref name="position"/>(i), ids from 1.</summary>
    public static string Body(int count, Func<int, (double Longitude, double Latitude)> position)
    {
        var body = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        for (var i = 0; i < count; i++)
        {
            if (i > 0) body.Append(',');
            var (lng, lat) = position(i);
            body.Append(CultureInfo.InvariantCulture,
                $"{{\"type\":\"Feature\",\"id\":{i + 1},\"geometry\":{{\"type\":\"Point\",\"coordinates\":[{lng:0.#####},{lat:0.#####}]}},\"properties\":{{\"subsectors\":[\"design\"]}}}}");
        }
        return body.Append("]}").ToString();
    }

    /// <summary>Answers the page's map data requests (any filter) with <paramref name="body"/>.</summary>
    public static Task ServeAsync(IPage page, string body) =>
        page.RouteAsync(address => new Uri(address).AbsolutePath.EndsWith("/api/v1/map", StringComparison.Ordinal),
            route => route.FulfillAsync(new() { Status = 200, ContentType = "application/geo+json", Body = body }));
}
