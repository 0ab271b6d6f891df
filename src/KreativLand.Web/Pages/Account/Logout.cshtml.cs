using KreativLand.Web.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KreativLand.Web.Pages.Account;

/// <summary>GET asks, POST signs out: a link cannot sign anyone out behind their back.</summary>
public class LogoutModel(SignInManager<CuratorUser> signIn) : PageModel
{
    public bool SignedOut { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        SignedOut = true;
        return Page();
    }
}
