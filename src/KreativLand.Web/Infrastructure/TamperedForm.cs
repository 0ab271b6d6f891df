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
            var value = property.GetValue(context.HandlerInstance);
            // The rows are bound either on the page model itself or on its form model (the editor's EditorForm).
            var tampered = HasMissingRow(value) ? property.Name : OwnListWithMissingRow(value);
            if (tampered is not null)
            {
                context.HttpContext.Items[Item] = tampered;
                RefusedRequest.AnswerWithErrorPage(context.HttpContext, StatusCodes.Status400BadRequest);
                context.Result = new StatusCodeResult(StatusCodes.Status400BadRequest);
                return;
            }
        }
    }

    private static bool HasMissingRow(object? value) => value is IList rows && rows.Cast<object?>().Any(row => row is null);

    /// <summary>For a form model of this site: the name of its first list property holding a missing row, or null.</summary>
    private static string? OwnListWithMissingRow(object? value) =>
        value is null || value is IList || value.GetType().Assembly != typeof(TamperedFormFilter).Assembly
            ? null
            : value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => typeof(IList).IsAssignableFrom(p.PropertyType) && p.GetIndexParameters().Length == 0)
                .FirstOrDefault(p => HasMissingRow(p.GetValue(value)))?.Name;

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context) { }
}
