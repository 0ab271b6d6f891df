using System.Net;
using KreativLand.Web.Domain;
using KreativLand.Web.Infrastructure;
using KreativLand.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KreativLand.Web.Tests.Pages.Submit;

/// <summary>The submission form: one error summary in the form's order, the privacy notice beside the consent, tags, more than two partners, a picked point.</summary>
public class SubmissionFormTests(SubmissionWebFixture site) : IClassFixture<SubmissionWebFixture>
{
    private Dictionary<string, string> Proposal(string title)
    {
        var fields = SubmissionTests.Proposal(title);
        fields["FormToken"] = site.Factory.Services.GetRequiredService<SubmissionToken>().Create(DateTimeOffset.UtcNow.AddMinutes(-1));
        return fields;
    }

    [Theory]
    [InlineData("/en/submit", new[] { "Title of the cooperation is required.", "Employees must be between", "Please choose a subsector", "Partner 3: please give the name.", "is not a valid e-mail address", "Please confirm your consent" })]
    [InlineData("/de/submit", new[] { "Titel der Kooperation", "Beschäftigte", "Bitte wählen Sie einen Teilmarkt", "Partner 3: Bitte geben Sie den Namen an.", "E-Mail", "Bitte bestätigen Sie" })]
    public async Task Errors_are_summarised_once_in_the_order_of_the_form_each_linking_to_its_field(string url, string[] expected)
    {
        var fields = Proposal("");
        fields["Input.ContactEmail"] = "not-an-address";
        fields["Input.SmeEmployees"] = "-1";
        fields.Remove("Input.Consent");
        fields["Input.CciSubsector"] = "gardening";
        fields["Input.MorePartners[0].Kind"] = "sme";
        fields["Input.MorePartners[0].Website"] = "https://example.org/";
        fields["FormToken"] = "expired";
        using var response = await site.CreateClient().SubmitFormAsync(url, "#submission-form", fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        var summary = Assert.Single(page.QuerySelectorAll(".error-summary"));
        var items = summary.QuerySelectorAll("li").Select(li => li.TextContent.Trim()).ToList();
        // The form's own problem first, then the fields top to bottom (consent, added last by the page, comes last).
        Assert.Equal(expected.Length + 1, items.Count);
        for (var i = 0; i < expected.Length; i++) Assert.Contains(expected[i], items[i + 1]);
        foreach (var link in summary.QuerySelectorAll("li a"))
        {
            var target = link.GetAttribute("href")!;
            Assert.NotNull(page.QuerySelector(target));
        }
        Assert.Equal(expected.Length, summary.QuerySelectorAll("li a").Length);
        // The further partner's row comes back with what was typed.
        Assert.Equal("https://example.org/", page.QuerySelector("[name='Input.MorePartners[0].Website']")!.GetAttribute("value"));
    }

    [Theory]
    [InlineData("/de/submit", "/de/privacy", "Datenschutzhinweise")]
    [InlineData("/en/submit", "/en/privacy", "privacy notice")]
    public async Task The_privacy_notice_is_linked_beside_the_consent_box(string url, string privacy, string text)
    {
        var page = await site.CreateClient().GetDocumentAsync(url);
        var consent = page.QuerySelector("#Input_Consent")!;
        var field = consent.Closest(".field")!;
        var link = field.QuerySelector("a[data-privacy-link]")!;
        Assert.Equal(privacy, link.GetAttribute("href"));
        Assert.Contains(text, link.TextContent);
        Assert.Equal("consent-privacy", consent.GetAttribute("aria-describedby"));
        using var target = await site.CreateClient().GetAsync(privacy);
        Assert.Equal(HttpStatusCode.OK, target.StatusCode);
    }

    [Fact]
    public async Task Tags_further_partners_and_a_picked_point_are_stored_with_the_proposal()
    {
        var fields = Proposal("Vier Partner im Dorf");
        fields["Input.SmeSectorCode"] = "C";
        fields["Input.ContactOrigins[0]"] = "joint-events";
        fields["Input.RegionValues[0]"] = "tourism-offer";
        fields["Input.RegionValues[1]"] = "skilled-workers";
        fields["Input.PartnerValues[0]"] = "innovation";
        fields["Input.MorePartners[0].Kind"] = "cci";
        fields["Input.MorePartners[0].Name"] = "Studio Klang";
        fields["Input.MorePartners[0].Subsector"] = "music";
        fields["Input.MorePartners[1].Kind"] = "sme";
        fields["Input.MorePartners[1].Name"] = "Gasthof Linde";
        fields["Input.MorePartners[1].SectorCode"] = "I";
        fields["Input.MorePartners[2].Kind"] = "cci"; // an empty row is ignored
        fields["Input.Latitude"] = "51.123456";
        fields["Input.Longitude"] = "14.654321";
        using var response = await site.CreateClient().SubmitFormAsync("/submit", "#submission-form", fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        await using var db = site.OpenContext();
        var stored = await db.Cooperations.Include(c => c.Partners).ThenInclude(p => p.Partner).SingleAsync(c => c.Title.De == "Vier Partner im Dorf");
        var partners = stored.Partners.OrderBy(p => p.SortOrder).Select(p => p.Partner).ToList();
        Assert.Equal(["Schreinerei Holz & Co", "Theater Unterwegs", "Studio Klang", "Gasthof Linde"], partners.Select(p => p.Name));
        Assert.Equal([PartnerKind.Sme, PartnerKind.Cci, PartnerKind.Cci, PartnerKind.Sme], partners.Select(p => p.Kind));
        Assert.Equal("C", partners[0].SectorCode);
        Assert.Equal("music", partners[2].SubsectorCode);
        Assert.Equal("I", partners[3].SectorCode);
        Assert.Equal([ContactOrigin.JointEvents], stored.ContactOrigins);
        Assert.Equal([RegionValue.TourismOffer, RegionValue.SkilledWorkers], stored.RegionValues);
        Assert.Equal([PartnerValue.Innovation], stored.PartnerValues);
        // The picked point, not the municipality's.
        Assert.Equal(51.123456, stored.Location.Latitude, 6);
        Assert.Equal(14.654321, stored.Location.Longitude, 6);
        Assert.Equal("Görlitz", stored.Location.Municipality);
    }

    [Theory]
    [InlineData("Input.ContactOrigins[0]", "gossip", "„gossip“ gehört nicht zur Auswahl.")]
    [InlineData("Input.SmeSectorCode", "Z", "Bitte wählen Sie einen Wirtschaftszweig aus der Liste.")]
    [InlineData("Input.Latitude", "51.1", "Der Punkt braucht geografische Breite und Länge.")]
    [InlineData("Input.MorePartners[0].Name", "Nur ein Name", "Partner 3: Bitte wählen Sie den Teilmarkt des Kreativpartners.")]
    [InlineData("Input.MorePartners[7].Name", "Partner neun", "Bitte höchstens 6 weitere Partner.")]
    public async Task A_bad_addition_is_named_and_nothing_is_stored(string field, string value, string message)
    {
        var fields = Proposal("Nicht so " + value);
        fields[field] = value;
        if (field.StartsWith("Input.MorePartners[7]"))
            for (var i = 0; i < 7; i++) { fields[$"Input.MorePartners[{i}].Kind"] = "sme"; fields[$"Input.MorePartners[{i}].Name"] = $"Firma {i}"; }
        using var response = await site.CreateClient().SubmitFormAsync("/submit", "#submission-form", fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, (await Html.ParseAsync(response)).Text(".error-summary"));
        await using var db = site.OpenContext();
        Assert.False(await db.Cooperations.AnyAsync(c => c.Title.De == "Nicht so " + value));
    }

    [Fact]
    public async Task Without_javascript_a_partner_row_is_added_and_removed_keeping_the_input()
    {
        var client = site.CreateClient();
        var form = await client.GetDocumentAsync("/en/submit");
        Assert.Empty(form.QuerySelectorAll("[data-partner-row]"));
        var fields = new Dictionary<string, string> { ["Input.Title"] = "Kept while adding" };
        using var added = await client.PostFormAsync(form, "/en/submit", "#submission-form", fields, "button[formaction*='handler=AddPartner']");
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var page = await Html.ParseAsync(added);
        Assert.Empty(page.QuerySelectorAll(".error-summary"));
        Assert.Equal("Kept while adding", page.QuerySelector("[name='Input.Title']")!.GetAttribute("value"));
        Assert.True(page.QuerySelector("[name='Input.MorePartners[0].Name']")!.HasAttribute("autofocus"));

        fields["Input.MorePartners[0].Name"] = "Second row";
        using var twice = await client.PostFormAsync(page, "/en/submit", "#submission-form", fields, "button[formaction*='handler=AddPartner']");
        var two = await Html.ParseAsync(twice);
        Assert.Equal(2, two.QuerySelectorAll("[data-partner-row]").Length);
        using var removed = await client.PostFormAsync(two, "/en/submit", "#submission-form", fields, "button[formaction*='handler=RemovePartner'][formaction*='index=0']");
        var one = await Html.ParseAsync(removed);
        Assert.Single(one.QuerySelectorAll("[data-partner-row]"));
        await using var db = site.OpenContext();
        Assert.False(await db.Cooperations.AnyAsync(c => c.Title.En == "Kept while adding"));
    }
}
