using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace KreativLand.Web.Pages.Admin.Cooperations;

/// <summary>The editor's problems by field id, handed to <see cref="FieldProblemsTagHelper"/> through ViewData.</summary>
public sealed class FieldProblems(IReadOnlyDictionary<string, IReadOnlyList<string>> byField)
{
    public const string ViewDataKey = "Editor.FieldProblems";
    public IReadOnlyDictionary<string, IReadOnlyList<string>> ByField { get; } = byField;
    /// <summary>Whether a field has taken autofocus (partials get copies of ViewData, so the flag lives in this shared object).</summary>
    public bool Focused { get; set; }
}

/// <summary>
/// Beside each field of the editor that has a problem: the message (also without JavaScript), <c>aria-invalid</c>, and
/// <c>aria-describedby</c> pointing at the message; the first such field in the page gets <c>autofocus</c> (the editor
/// script then opens its language tab if needed). Groups of boxes (fieldsets) get the message at their end. Fields are
/// matched by id (<see cref="EditorFields.IdOf"/>), so the row partials need no markup of their own for it. Only the
/// editor's folder registers it (Pages/Admin/Cooperations/_ViewImports.cshtml).
/// </summary>
[HtmlTargetElement("input", Attributes = "id", TagStructure = TagStructure.WithoutEndTag)]
[HtmlTargetElement("select", Attributes = "id")]
[HtmlTargetElement("textarea", Attributes = "id")]
[HtmlTargetElement("fieldset", Attributes = "id")]
public sealed class FieldProblemsTagHelper : TagHelper
{
    [ViewContext, HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override int Order => 1000;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (ViewContext.ViewData[FieldProblems.ViewDataKey] is not FieldProblems problems || problems.ByField.Count == 0) return;
        var id = Text(output.Attributes["id"]?.Value);
        if (id is null || !problems.ByField.TryGetValue(id, out var messages)) return;

        var messageId = id + "-error";
        var describedBy = Text(output.Attributes["aria-describedby"]?.Value);
        output.Attributes.SetAttribute("aria-describedby", string.IsNullOrEmpty(describedBy) ? messageId : $"{messageId} {describedBy}");
        var message = new TagBuilder("p");
        message.AddCssClass("field-error");
        message.Attributes["id"] = messageId;
        message.InnerHtml.Append(string.Join(" ", messages));
        if (output.TagName == "fieldset")
        {
            output.Attributes.SetAttribute("data-invalid", "true");
            output.PostContent.AppendHtml(message);
            return;
        }
        output.Attributes.SetAttribute("aria-invalid", "true");
        output.PostElement.AppendHtml(message);
        if (!problems.Focused)
        {
            output.Attributes.SetAttribute("autofocus", "autofocus");
            problems.Focused = true;
        }
    }

    /// <summary>An attribute's text: ids like "partner-@(key)-name" arrive as HTML content, not as strings.</summary>
    private static string? Text(object? value)
    {
        switch (value)
        {
            case null: return null;
            case string text: return text;
            case IHtmlContent html:
                using (var writer = new StringWriter())
                {
                    html.WriteTo(writer, HtmlEncoder.Default);
                    return writer.ToString();
                }
            default: return value.ToString();
        }
    }
}
