using System.Collections;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;

namespace KreativLand.Web.Infrastructure;

/// <summary>
/// A form whose structure no page of ours produces — a row index without its row ("PartnerRows.Index=x" alone), which
/// the collection binder turns into a missing (null) row — is noticed where it is bound (<see cref="RowListBinders"/>) and
/// answered 400 here, before the page's handler runs, instead of failing somewhere inside it.
/// </summary>
public sealed class TamperedFormFilter : IPageFilter
{
    /// <summary>The name of the list with a missing row, for the error page.</summary>
    public const string Item = "kl-tampered-form";

    public void OnPageHandlerSelected(PageHandlerSelectedContext context) { }

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        // Binding has run by now (page properties and handler parameters).
        if (HttpMethods.IsGet(context.HttpContext.Request.Method) || RowListBinders.ListWithMissingRow(context.HttpContext) is not { } list) return;
        context.HttpContext.Items[Item] = list;
        RefusedRequest.AnswerWithErrorPage(context.HttpContext, StatusCodes.Status400BadRequest);
        context.Result = new StatusCodeResult(StatusCodes.Status400BadRequest);
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context) { }
}

/// <summary>
/// MVC's list and array binders, each wrapped to note the first bound list that holds a missing row (by its field name,
/// "PartnerRows" or "Input.MorePartners"). Every list any page binds goes through them, at any depth: a page's own lists,
/// the rows of a form model (the editor's <c>EditorForm</c>, the submission's partners) and handler parameters.
/// Dictionaries are not wrapped (a null value there is a value, e.g. an empty threshold).
/// </summary>
public static class RowListBinders
{
    private const string Key = "kl-list-with-missing-row";

    public static string? ListWithMissingRow(HttpContext context) => context.Items.TryGetValue(Key, out var list) ? list as string : null;

    public static void WrapDefaults(MvcOptions options)
    {
        var providers = options.ModelBinderProviders;
        for (var i = 0; i < providers.Count; i++)
            if (providers[i] is CollectionModelBinderProvider or ArrayModelBinderProvider) providers[i] = new Provider(providers[i]);
    }

    private sealed class Provider(IModelBinderProvider inner) : IModelBinderProvider
    {
        public IModelBinder? GetBinder(ModelBinderProviderContext context) => inner.GetBinder(context) switch
        {
            ICollectionModelBinder binder => new Binder(binder),
            var other => other,
        };
    }

    private sealed class Binder(ICollectionModelBinder inner) : ICollectionModelBinder
    {
        public bool CanCreateInstance(Type targetType) => inner.CanCreateInstance(targetType);

        public async Task BindModelAsync(ModelBindingContext context)
        {
            await inner.BindModelAsync(context);
            if (context.Result.Model is IEnumerable rows && HasMissingRow(rows)) context.HttpContext.Items.TryAdd(Key, context.ModelName);
        }

        private static bool HasMissingRow(IEnumerable rows)
        {
            foreach (var row in rows) if (row is null) return true;
            return false;
        }
    }
}
