using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace KreativLand.Web.Infrastructure;

/// <summary>
/// Form fields are read with the invariant culture: HTML number inputs (coordinates, populations) always send
/// "51.25", which the German culture would misread as 5125.
/// </summary>
public sealed class InvariantFormValueProviderFactory : IValueProviderFactory
{
    public async Task CreateValueProviderAsync(ValueProviderFactoryContext context)
    {
        var request = context.ActionContext.HttpContext.Request;
        if (!request.HasFormContentType) return;
        try
        {
            var form = await request.ReadFormAsync(context.ActionContext.HttpContext.RequestAborted);
            context.ValueProviders.Add(new FormValueProvider(BindingSource.Form, form, CultureInfo.InvariantCulture));
        }
        catch (InvalidDataException exception)
        {
            // Too many or too long fields: a 400 with a reason, like the built-in factory.
            throw new ValueProviderException(exception.Message, exception);
        }
    }

    public static void ReplaceDefault(MvcOptions options)
    {
        var index = options.ValueProviderFactories.IndexOf(options.ValueProviderFactories.OfType<FormValueProviderFactory>().Single());
        options.ValueProviderFactories[index] = new InvariantFormValueProviderFactory();
    }
}
