using AngleSharp.Dom;
using KreativLand.Web.Domain;
using KreativLand.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace KreativLand.Web.Tests.Infrastructure;

/// <summary>Accounts and signed-in clients for tests of the curator area, through the real sign-in form.</summary>
public static class Curators
{
    public const string Password = "a long test passphrase";

    /// <summary>Creates an account; <paramref name="role"/> null gives a signed-in user without any role.</summary>
    public static async Task<string> CreateAsync(WebFixture site, string? role, string? email = null)
    {
        email ??= $"{role ?? "nobody"}-{Guid.NewGuid():N}"[..20] + "@example.org";
        await using var scope = site.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CuratorUser>>();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        if (role is null)
        {
            var created = await users.CreateAsync(new CuratorUser { UserName = email, Email = email, EmailConfirmed = true }, Password);
            Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        }
        else
        {
            var errors = await Accounts.CreateUserAsync(users, roles, TimeProvider.System, email, Password, role);
            Assert.Empty(errors);
        }
        return email;
    }

    public static async Task<HttpClient> SignedInClientAsync(WebFixture site, string? role)
    {
        var email = await CreateAsync(site, role);
        var client = site.CreateClient();
        using var response = await SignInAsync(client, email, Password);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>A new account signed in, with its address (for tests with several curators at once).</summary>
    public static async Task<(HttpClient Client, string Email)> SignedInAsync(WebFixture site, string? role)
    {
        var email = await CreateAsync(site, role);
        var client = site.CreateClient();
        using var response = await SignInAsync(client, email, Password);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return (client, email);
    }

    public static Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password) =>
        client.SubmitFormAsync("/account/login", "form", new() { ["Input.Email"] = email, ["Input.Password"] = password });

    /// <summary>
    /// Opens the page, takes the chosen form with its current values (including the antiforgery token),
    /// overrides <paramref name="fields"/> and posts it like a browser without JavaScript.
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(this HttpClient client, string url, string formSelector,
        Dictionary<string, string> fields, string? submitButton = null, Action<IDocument>? inspect = null)
    {
        var page = await client.GetDocumentAsync(url);
        inspect?.Invoke(page);
        return await client.PostFormAsync(page, url, formSelector, fields, submitButton);
    }

    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, IDocument page, string url, string formSelector,
        Dictionary<string, string> fields, string? submitButton = null)
    {
        var form = page.QuerySelector(formSelector) ?? throw new Xunit.Sdk.XunitException($"no form {formSelector} on {url}");
        var values = FormValues(form);
        foreach (var (name, value) in fields)
        {
            values.RemoveAll(v => v.Key == name);
            values.Add(new(name, value));
        }
        var action = submitButton is not null && form.QuerySelector(submitButton)?.GetAttribute("formaction") is { Length: > 0 } formAction
            ? formAction
            : form.GetAttribute("action") is { Length: > 0 } formTarget ? formTarget : url;
        if (submitButton is not null && form.QuerySelector(submitButton) is { } button && button.GetAttribute("name") is { Length: > 0 } buttonName)
            values.Add(new(buttonName, button.GetAttribute("value") ?? ""));
        return await client.PostAsync(action, new FormUrlEncodedContent(values));
    }

    /// <summary>The values a browser would send for the form as it stands (checked boxes, selected options, text).</summary>
    public static List<KeyValuePair<string, string>> FormValues(IElement form)
    {
        var values = new List<KeyValuePair<string, string>>();
        foreach (var element in form.QuerySelectorAll("input[name], select[name], textarea[name]"))
        {
            var name = element.GetAttribute("name")!;
            switch (element.LocalName)
            {
                case "input":
                    var type = element.GetAttribute("type")?.ToLowerInvariant() ?? "text";
                    if (type is "submit" or "button" or "file" or "image") continue;
                    if (type is "checkbox" or "radio" && !element.HasAttribute("checked")) continue;
                    values.Add(new(name, element.GetAttribute("value") ?? (type is "checkbox" or "radio" ? "on" : "")));
                    break;
                case "select":
                    foreach (var option in element.QuerySelectorAll("option[selected]"))
                        values.Add(new(name, option.GetAttribute("value") ?? option.TextContent));
                    if (element.QuerySelector("option[selected]") is null && !element.HasAttribute("multiple") && element.QuerySelector("option") is { } first)
                        values.Add(new(name, first.GetAttribute("value") ?? first.TextContent));
                    break;
                default:
                    values.Add(new(name, element.TextContent));
                    break;
            }
        }
        return values;
    }
}
