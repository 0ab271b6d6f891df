using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KreativLand.Web.Pages;

[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
[IgnoreAntiforgeryToken]
public class ErrorModel : PageModel
{
    public int Code { get; private set; } = 500;
    public string? RequestId { get; private set; }
    /// <summary>For a 400: the parameter the input guard refused, or whether the antiforgery check failed.</summary>
    public string? BadParameter { get; private set; }
    public bool FormExpired { get; private set; }
    /// <summary>For a 400: what is wrong with each refused query parameter ("name: message"), and the same address without them.</summary>
    public IReadOnlyList<string> UnknownParameters { get; private set; } = [];
    public string? WithoutUnknownParameters { get; private set; }
    /// <summary>For a 400: the list of rows whose structure was not one our forms send.</summary>
    public string? TamperedForm { get; private set; }
    /// <summary>The database could not be reached (503).</summary>
    public bool Unavailable { get; private set; }
    /// <summary>For a form posted during an outage: where it went and its values, to send it again unchanged.</summary>
    public string? KeptFormAction { get; private set; }
    public IReadOnlyList<KeyValuePair<string, string>> KeptFields { get; private set; } = [];
    public bool KeptFormHadFiles { get; private set; }

    public void OnGet(int? code) => Describe(code);
    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        Code = code ?? 500;
        // Re-executed for a status code page: keep the original status (404 stays 404).
        if (code is not null) Response.StatusCode = code.Value;
        BadParameter = HttpContext.Items[Infrastructure.InputGuard.BadParameterItem] as string;
        UnknownParameters = HttpContext.Items[Infrastructure.QueryParameters.UnknownItem] as IReadOnlyList<string> ?? [];
        WithoutUnknownParameters = HttpContext.Items[Infrastructure.QueryParameters.WithoutUnknownItem] as string;
        TamperedForm = HttpContext.Items[Infrastructure.TamperedFormFilter.Item] as string;
        FormExpired = HttpContext.Items[Infrastructure.AntiforgeryFailureMarker.Item] is true
            || HttpContext.Features.Get<Microsoft.AspNetCore.Antiforgery.IAntiforgeryValidationFeature>() is { IsValid: false };
        // A page drawn again for an outage (DatabaseOutage.FormFilter) that needed the database to draw itself failed in turn,
        // with whatever that caused (a model it could not load): still the outage, and its form is kept here instead.
        if (HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerPathFeature>() is { } failure
            && (Infrastructure.DatabaseOutage.Is(failure.Error) || HttpContext.Items.Remove(Infrastructure.DatabaseOutage.FormKeptItem)))
        {
            Code = StatusCodes.Status503ServiceUnavailable;
            Unavailable = true;
            Infrastructure.DatabaseOutage.MarkUnavailable(Response);
            KeepForm(failure.Path);
        }
        // A request the server refused while reading it (a body over the limit: 413) keeps its own status and page.
        if (HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>()?.Error is BadHttpRequestException refused)
        {
            Code = refused.StatusCode;
            Response.StatusCode = refused.StatusCode;
        }
        RequestId = Code >= 500 && !Unavailable ? Activity.Current?.Id ?? HttpContext.TraceIdentifier : null;
    }

    private void KeepForm(string path)
    {
        if (!HttpMethods.IsPost(Request.Method) || !Request.HasFormContentType) return;
        // The form was read before the failure (the framework keeps it): nothing is read from the network again.
        var form = Request.Form;
        KeptFormAction = Request.PathBase + path + Request.QueryString;
        // Never written back into a page: the antiforgery token (a fresh one comes with this form) and passwords.
        KeptFields = form
            .Where(field => field.Key != "__RequestVerificationToken" && !field.Key.Contains("password", StringComparison.OrdinalIgnoreCase))
            .SelectMany(field => field.Value.Select(value => new KeyValuePair<string, string>(field.Key, value ?? "")))
            .ToList();
        KeptFormHadFiles = form.Files.Count > 0;
    }
}
