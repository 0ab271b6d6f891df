using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using KreativLand.Web.Import;
using KreativLand.Web.Pages.Submit;
using KreativLand.Web.Tests.Infrastructure;

namespace KreativLand.Web.Tests.Pages.Submit;

/// <summary>
/// The submission form's maxlength, min and max (Infrastructure/LimitsTagHelper) are the limits its model validates: each
/// rendered limit equals the [StringLength] or [Range] of the property the field binds, which use the import validator's
/// constants where the import format has the field.
/// </summary>
public class SubmissionLimitsTests(SubmissionWebFixture site) : IClassFixture<SubmissionWebFixture>
{
    [Fact]
    public async Task Every_limit_in_the_form_is_the_limit_its_model_validates()
    {
        var page = await site.CreateClient().GetDocumentAsync("/en/submit");
        var fields = page.QuerySelectorAll("#submission-form input[name^='Input.'], #submission-form textarea[name^='Input.']")
            .Where(f => f.HasAttribute("maxlength") || f.HasAttribute("min") || f.HasAttribute("max")).ToList();
        var names = new List<string>();
        foreach (var field in fields)
        {
            var name = field.GetAttribute("name")!;
            var property = PropertyOf(name);
            var length = property.GetCustomAttribute<StringLengthAttribute>();
            var range = property.GetCustomAttribute<RangeAttribute>();
            if (field.GetAttribute("maxlength") is { } maxlength) Assert.Equal(length?.MaximumLength, int.Parse(maxlength, CultureInfo.InvariantCulture));
            if (field.GetAttribute("min") is { } min) Assert.Equal(Convert.ToDouble(range?.Minimum, CultureInfo.InvariantCulture), double.Parse(min, CultureInfo.InvariantCulture));
            if (field.GetAttribute("max") is { } max) Assert.Equal(Convert.ToDouble(range?.Maximum, CultureInfo.InvariantCulture), double.Parse(max, CultureInfo.InvariantCulture));
            names.Add(name);
        }
        foreach (var expected in new[] { "Input.Title", "Input.Summary", "Input.Description", "Input.StartYear", "Input.Municipality", "Input.SmeName",
                     "Input.SmeEmployees", "Input.SmeSector", "Input.SmeWebsite", "Input.CciName", "Input.CciWebsite", "Input.ContactEmail" })
            Assert.Contains(expected, names);
        // The shared fields use the import validator's constants.
        Assert.Equal(ImportValidator.MaxTitle, PropertyOf("Input.Title").GetCustomAttribute<StringLengthAttribute>()!.MaximumLength);
        Assert.Equal(ImportValidator.MaxUrl, PropertyOf("Input.MorePartners[0].Website").GetCustomAttribute<StringLengthAttribute>()!.MaximumLength);
    }

    /// <summary>"Input.SmeName" → SubmissionInput.SmeName, "Input.MorePartners[0].Name" → PartnerInput.Name.</summary>
    private static PropertyInfo PropertyOf(string name)
    {
        var parts = name.Split('.');
        var type = parts.Length == 3 ? typeof(IndexModel.PartnerInput) : typeof(IndexModel.SubmissionInput);
        return type.GetProperty(parts[^1]) ?? throw new InvalidOperationException($"{name} binds no property of {type.Name}");
    }
}
