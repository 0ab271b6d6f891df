using KreativLand.Web.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KreativLand.Web.Pages.Account;

/// <summary>The second step of signing in for accounts with two-factor authentication: a TOTP or a recovery code.</summary>
public class LoginTwoFactorModel(SignInManager<CuratorUser> signIn) : PageModel
{
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public bool IsRecoveryCode { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("Login") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null) return RedirectToPage("Login");
        var result = IsRecoveryCode
            ? await signIn.TwoFactorRecoveryCodeSignInAsync(RecoveryCode(Code))
            : await signIn.TwoFactorAuthenticatorSignInAsync((Code ?? "").Replace(" ", "").Replace("-", ""), isPersistent: false, rememberClient: false);
        if (result.Succeeded)
            return LocalRedirect(ReturnUrl is { Length: > 0 } && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : Url.Content("~/admin"));
        Problem = result.IsLockedOut ? "Account.LockedOut" : "TwoFactor.WrongCode";
        return Page();
    }

    /// <summary>
    /// Identity stores recovery codes as "XXXXX-XXXXX" in capitals; typed with or without the dash, in any case or with
    /// spaces, the code is brought into that form (each one works once).
    /// </summary>
    public static string RecoveryCode(string? typed)
    {
        var code = new string((typed ?? "").Where(char.IsLetterOrDigit).ToArray()).ToUpperInvariant();
        return code.Length == 10 ? $"{code[..5]}-{code[5..]}" : code;
    }
}
