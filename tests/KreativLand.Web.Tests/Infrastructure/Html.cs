using AngleSharp;
using AngleSharp.Dom;

namespace KreativLand.Web.Tests.Infrastructure;

public static class Html
{
    public static async Task<IDocument> ParseAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var context = BrowsingContext.New(Configuration.Default);
        return await context.OpenAsync(request => request.Content(html));
    }

    public static async Task<IDocument> GetDocumentAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"GET {url} answered {(int)response.StatusCode}");
        return await ParseAsync(response);
    }

    /// <summary>GETs <paramref name="url"/>, checks the status (showing the body when it differs) and returns the response with its JSON.</summary>
    public static async Task<(HttpResponseMessage Response, System.Text.Json.JsonElement Json)> GetJsonResponseAsync(
        this HttpClient client, string url, System.Net.HttpStatusCode expected = System.Net.HttpStatusCode.OK)
    {
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{url}: {(int)response.StatusCode} {body}");
        return (response, System.Text.Json.JsonDocument.Parse(body).RootElement.Clone());
    }

    public static async Task<System.Text.Json.JsonElement> GetJsonAsync(
        this HttpClient client, string url, System.Net.HttpStatusCode expected = System.Net.HttpStatusCode.OK)
    {
        var (response, json) = await client.GetJsonResponseAsync(url, expected);
        response.Dispose();
        return json;
    }

    public static string Text(this IDocument document, string selector) =>
        document.QuerySelector(selector)?.TextContent.Trim() ?? throw new Xunit.Sdk.XunitException($"no element matches {selector}");
}
