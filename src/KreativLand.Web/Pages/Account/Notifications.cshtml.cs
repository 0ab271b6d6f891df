using System.Security.Claims;
using KreativLand.Web.Curation;
using KreativLand.Web.Domain;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KreativLand.Web.Pages.Account;

/// <summary>A curator's mail settings: the language of the messages and which kinds to receive (stored as user claims).</summary>
[Authorize]
public class NotificationsModel(UserManager<CuratorUser> users) : PageModel
{
    [BindProperty] public string Language { get; set; } = Languages.German;
    /// <summary>The kinds to receive; the others are switched off.</summary>
    [BindProperty] public List<string> Receive { get; set; } = [];
    [TempData] public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        var claims = await users.GetClaimsAsync(user);
        Language = claims.FirstOrDefault(c => c.Type == MailKinds.LanguageClaim)?.Value ?? Languages.Current;
        Receive = MailKinds.All.Where(kind => !claims.Any(c => c.Type == MailKinds.OffClaim && c.Value == kind)).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        if (!Languages.All.Contains(Language)) Language = Languages.German;
        var claims = await users.GetClaimsAsync(user);
        var old = claims.Where(c => c.Type is MailKinds.LanguageClaim or MailKinds.OffClaim).ToList();
        if (old.Count > 0) await users.RemoveClaimsAsync(user, old);
        var wanted = new List<Claim> { new(MailKinds.LanguageClaim, Language) };
        wanted.AddRange(MailKinds.All.Where(kind => !Receive.Contains(kind)).Select(kind => new Claim(MailKinds.OffClaim, kind)));
        await users.AddClaimsAsync(user, wanted);
        Message = "Notifications.Saved";
        return RedirectToPage();
    }
}
