using System.ComponentModel.DataAnnotations;
using System.Globalization;
using KreativLand.Web.Import;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace KreativLand.Web.Infrastructure;

/// <summary>
/// A form field's <c>maxlength</c>, <c>min</c> and <c>max</c> from the limit its validator checks, never typed by hand:
/// <c>kl-limit-of="partners.name"</c> takes the import format's limit (<see cref="ImportLimits"/>, checked by the import
/// validator for the editor, the import and the submission); <c>kl-limits</c> beside <c>asp-for</c> takes the bound
/// property's <see cref="StringLengthAttribute"/> and <see cref="RangeAttribute"/> (a form's own model, e.g. /submit).
/// Length goes to text fields, min and max to number fields.
/// </summary>
[HtmlTargetElement("input", Attributes = LimitOfName, TagStructure = TagStructure.WithoutEndTag)]
[HtmlTargetElement("textarea", Attributes = LimitOfName)]
[HtmlTargetElement("input", Attributes = LimitsName + ",asp-for", TagStructure = TagStructure.WithoutEndTag)]
[HtmlTargetElement("textarea", Attributes = LimitsName + ",asp-for")]
public sealed class LimitsTagHelper : TagHelper
{
    private const string LimitOfName = "kl-limit-of";
    private const string LimitsName = "kl-limits";

    /// <summary>A field of the import format, without row index or language ("title", "partners.website").</summary>
    [HtmlAttributeName(LimitOfName)]
    public string? LimitOf { get; set; }

    [HtmlAttributeName("asp-for")]
    public ModelExpression? For { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        // kl-limits is a bare marker (no value), so it is not bound but taken out of the output here.
        output.Attributes.RemoveAll(LimitsName);
        var limit = LimitOf is not null ? ImportLimits.Of(LimitOf) : For is not null ? FromAttributes(For) : null;
        if (limit is null) return;
        var type = output.Attributes["type"]?.Value?.ToString();
        if (string.Equals(type, "number", StringComparison.OrdinalIgnoreCase))
        {
            if (limit.Min is { } min) output.Attributes.SetAttribute("min", min.ToString(CultureInfo.InvariantCulture));
            if (limit.Max is { } max) output.Attributes.SetAttribute("max", max.ToString(CultureInfo.InvariantCulture));
        }
        else if (limit.MaxLength is { } length) output.Attributes.SetAttribute("maxlength", length.ToString(CultureInfo.InvariantCulture));
    }

    private static ImportLimits.Limit? FromAttributes(ModelExpression expression)
    {
        var property = expression.Metadata.ContainerType?.GetProperty(expression.Metadata.PropertyName ?? "");
        if (property is null) return null;
        var length = property.GetCustomAttributes(typeof(StringLengthAttribute), true).OfType<StringLengthAttribute>().FirstOrDefault();
        var range = property.GetCustomAttributes(typeof(RangeAttribute), true).OfType<RangeAttribute>().FirstOrDefault();
        return new(length?.MaximumLength, range is null ? null : Convert.ToDouble(range.Minimum, CultureInfo.InvariantCulture),
            range is null ? null : Convert.ToDouble(range.Maximum, CultureInfo.InvariantCulture));
    }
}
