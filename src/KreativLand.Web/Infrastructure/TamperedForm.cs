using System.Collections;
using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace KreativLand.Web.Infrastructure;

/// <summary>
/// A form whose structure no page of ours produces — a row index without its row ("PartnerRows.Index=x" alone), which
/// model binding turns into a missing (null) row — is answered 400 before the page's handler runs, instead of failing
/// somewhere inside it. Applies to every page's bound lists of rows.
/// </summary>
public sealed class TamperedFormFilter : IPageFilter
{
    public const string Item = "kl-tampered-form";

    public void OnPageHandlerSelected(PageHandlerSelectedContext context) { }

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        if (HttpMethods.IsGet(context.HttpContext.Request.Method) || context.HandlerInstance is null) return;
        foreach (var property in context.HandlerInstance.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetCustomAttribute<BindPropertyAttribute>() is null || property.PropertyType == typeof(string)) continue;
            if (property.GetValue(context.HandlerInstance) is IList rows && rows.Cast<object?>().Any(row => row is null))
            {
                context.HttpContext.Items[Item] = property.Name;
                RefusedRequest.AnswerWithErrorPage(context.HttpContext, StatusCodes.Status400BadRequest);
                context.Result = new StatusCodeResult(StatusCodes.Status400BadRequest);
                return;
            }
        }
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context) { }
}
