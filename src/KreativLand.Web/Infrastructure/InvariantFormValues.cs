using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace KreativLand.Web.Infrastructure;

/// <summary>
/// Form fields are read with the invariant culture: HTML number inputs (coordinates, populations) always send
/// "51.25", which the German culture would misread as 5125. Line breaks arrive as LF.
/// </summary>
public sealed class InvariantFormValueProviderFactory : IValueProviderFactory
{
    public async Task CreateValueProviderAsync(ValueProviderFactoryContext context)
    {
        var request = context.ActionContext.HttpContext.Request;
        // A form is the body of a POST. The error page drawn for a refused request (413, 400 for tampered input, 405) reads
        // none: reading the refused body again would fail, and Kestrel would answer an empty 413 instead of the page.
        if (RefusedRequest.IsRefused(context.ActionContext.HttpContext) || !request.HasFormContentType
            || HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) return;
        try
        {
            var form = await request.ReadFormAsync(context.ActionContext.HttpContext.RequestAborted);
            context.ValueProviders.Add(new FormValueProvider(BindingSource.Form, WithUnixLineEnds(form), CultureInfo.InvariantCulture));
        }
        catch (InvalidDataException exception)
        {
            // Too many or too long fields: a 400 with a reason, like the built-in factory.
            throw new ValueProviderException(exception.Message, exception);
        }
    }

    /// <summary>Browsers send textarea line breaks as CRLF; stored texts use LF, so an unchanged text stays unchanged.</summary>
    private static IFormCollection WithUnixLineEnds(IFormCollection form) =>
        form.Any(field => field.Value.Any(v => v?.Contains('\r') == true))
            ? new FormCollection(
                form.ToDictionary(field => field.Key, field => new Microsoft.Extensions.Primitives.StringValues(field.Value.Select(v => v?.Replace("\r\n", "\n")).ToArray())),
                form.Files)
            : form;

    public static void ReplaceDefault(MvcOptions options)
    {
        var index = options.ValueProviderFactories.IndexOf(options.ValueProviderFactories.OfType<FormValueProviderFactory>().Single());
        options.ValueProviderFactories[index] = new InvariantFormValueProviderFactory();
    }
}
