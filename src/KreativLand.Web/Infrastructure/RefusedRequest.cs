namespace KreativLand.Web.Infrastructure;

/// <summary>
/// A request refused before its page ran (a control character in a value, a tampered or oversized form, a body declared over
/// the limit, a method the page has no handler for) is answered with the site's error page, which the status code pages
/// draw by running the request again. It runs again as a GET without a body: the error page's model binding reads no form,
/// so the refused body is never read a second time (Kestrel would answer that with an empty 413), and no antiforgery
/// check or handler for the refused method runs.
/// </summary>
public static class RefusedRequest
{
    private const string Item = "kl-refused";

    /// <summary>Sets the status and turns the request into a bodiless GET for the error page.</summary>
    public static void AnswerWithErrorPage(HttpContext context, int statusCode)
    {
        context.Response.StatusCode = statusCode;
        var request = context.Request;
        context.Items[Item] = true;
        request.Method = HttpMethods.Get;
        request.ContentType = null;
        request.ContentLength = null;
        request.Body = Stream.Null;
    }

    /// <summary>True while a refused request is answered: nothing may read its body.</summary>
    public static bool IsRefused(HttpContext context) => context.Items.ContainsKey(Item);
}
