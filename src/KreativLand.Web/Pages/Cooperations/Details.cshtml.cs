using KreativLand.Web.Data;
using KreativLand.Web.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using static KreativLand.Web.Pages.Cooperations.CooperationQueries;

namespace KreativLand.Web.Pages.Cooperations;

public class DetailsModel(KreativLandDbContext db, TimeProvider clock) : PageModel
{
    public CooperationProfile Cooperation { get; private set; } = null!;
    public IReadOnlyList<CooperationCard> Related { get; private set; } = [];
    public int CurrentYear => clock.GetUtcNow().Year;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var profile = await CooperationQueries.PublishedProfile(db, slug, cancellationToken);
        if (profile is null) return NotFound();

        Cooperation = profile;
        Related = await CooperationQueries.PublishedCardsOfPartners(db, profile.Partners.Select(p => p.Id).ToList(), profile.Id, cancellationToken);
        return Page();
    }
}
