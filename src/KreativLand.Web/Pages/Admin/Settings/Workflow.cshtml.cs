using KreativLand.Web.Curation;
using KreativLand.Web.Data;
using KreativLand.Web.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KreativLand.Web.Pages.Admin.Settings;

/// <summary>The workflow's switches (admins only): the four-eyes rule.</summary>
public class WorkflowModel(KreativLandDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty] public bool FourEyes { get; set; }
    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => FourEyes = await WorkflowSettings.FourEyesAsync(db, cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await WorkflowSettings.SetFourEyesAsync(db, FourEyes, Actor.Of(User), clock.GetUtcNow(), cancellationToken);
        Message = FourEyes ? "Workflow.FourEyesOn" : "Workflow.FourEyesOff";
        return RedirectToPage();
    }
}
