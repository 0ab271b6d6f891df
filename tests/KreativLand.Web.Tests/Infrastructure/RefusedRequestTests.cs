using System.Net;
using KreativLand.Web.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace KreativLand.Web.Tests.Infrastructure;

/// <summary>A refused request is answered with the error page, drawn as a GET that reads no body.</summary>
public class RefusedRequestTests(BasicDataWebFixture site) : IClassFixture<BasicDataWebFixture>
{
    [Fact]
    public async Task A_refused_form_post_becomes_a_bodiless_get_marked_as_refused()
    {
        var context = new DefaultHttpContext();
        context.Request.Method = HttpMethods.Post;
        context.Request.ContentType = "application/x-www-form-urlencoded";
        context.Request.Body = new MemoryStream("Input.Title=x"u8.ToArray());
        context.Request.ContentLength = 13;
        Assert.False(RefusedRequest.IsRefused(context));

        RefusedRequest.AnswerWithErrorPage(context, StatusCodes.Status413PayloadTooLarge);

        Assert.Equal(StatusCodes.Status413PayloadTooLarge, context.Response.StatusCode);
        Assert.Equal(HttpMethods.Get, context.Request.Method);
        Assert.False(context.Request.HasFormContentType);
        Assert.Null(context.Request.ContentLength);
        Assert.Equal(0, await context.Request.Body.ReadAsync(new byte[16]));
        Assert.True(RefusedRequest.IsRefused(context));
    }

    [Fact]
    public async Task A_method_a_page_has_no_handler_for_gets_the_error_page_without_its_form_being_read()
    {
        using var client = site.CreateClient();
        // A form body the error page would try to bind if it ran with the refused method and body.
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["q"] = "music", ["__RequestVerificationToken"] = "forged" });
        using var response = await client.PutAsync("/en/cooperations", content);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("GET, HEAD", string.Join(", ", response.Content.Headers.Allow));
        var page = await Html.ParseAsync(response);
        Assert.Equal("Method not allowed", page.QuerySelector("h1")?.TextContent);
    }
}
