using KreativLand.Web.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KreativLand.Web.Pages.Account;

/// <summary>
/// GET asks, POST signs out: a link cannot sign anyone out behind their back. Signing out also renews the account's
/// security stamp, so a copy of the session cookie (another tab, another device, a stolen one) stops working at its next
/// security-stamp check instead of living on until it expires.
/// </summary>
public class LogoutModel(SignInManager<CuratorUser> signIn, UserManager<CuratorUser> users) : PageModel
{
    public bool SignedOut { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is { } user) await users.UpdateSecurityStampAsync(user);
        await signIn.SignOutAsync();
        SignedOut = true;
        return Page();
    }
}
