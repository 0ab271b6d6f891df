using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace KreativLand.Web.Infrastructure;

/// <summary>Model-binding messages ("… is not a valid value") in the page's language instead of English.</summary>
public sealed class LocalizedBindingMessages(IStringLocalizerFactory factory) : IConfigureOptions<MvcOptions>
{
    public void Configure(MvcOptions options)
    {
        var text = factory.Create(typeof(SharedResource));
        var messages = options.ModelBindingMessageProvider;
        messages.SetAttemptedValueIsInvalidAccessor((value, field) => text["Validation.NotValidFor", value, field]);
        messages.SetValueMustBeANumberAccessor(field => text["Validation.Number", field]);
        messages.SetValueIsInvalidAccessor(value => text["Validation.NotValid", value]);
        messages.SetUnknownValueIsInvalidAccessor(field => text["Validation.InvalidFor", field]);
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => text["Validation.NotValid", value]);
        messages.SetMissingBindRequiredValueAccessor(field => text["Validation.Required", field]);
        messages.SetValueMustNotBeNullAccessor(field => text["Validation.Required", field]);
    }
}
