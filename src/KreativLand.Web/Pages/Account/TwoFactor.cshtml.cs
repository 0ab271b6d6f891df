using System.Text;
using KreativLand.Web.Domain;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KreativLand.Web.Pages.Account;

/// <summary>Optional two-factor sign-in with an authenticator app (TOTP, RFC 6238) for one's own account.</summary>
[Authorize]
public class TwoFactorModel(UserManager<CuratorUser> users, SignInManager<CuratorUser> signIn) : PageModel
{
    public bool Enabled { get; private set; }
    public string Key { get; private set; } = "";
    public string AuthenticatorUri { get; private set; } = "";
    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];
    [BindProperty] public string? Code { get; set; }
    [TempData] public string? Message { get; set; }
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        await LoadAsync(user);
        return Page();
    }

    /// <summary>The authenticator address as a QR code (PNG) for the app to scan; never cached, since it holds the key.</summary>
    public async Task<IActionResult> OnGetQrAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        await LoadAsync(user);
        if (Enabled) return NotFound();
        using var generator = new QRCoder.QRCodeGenerator();
        using var data = generator.CreateQrCode(AuthenticatorUri, QRCoder.QRCodeGenerator.ECCLevel.M);
        var png = new QRCoder.PngByteQRCode(data).GetGraphic(pixelsPerModule: 6);
        Response.Headers.CacheControl = "no-store";
        return File(png, "image/png");
    }

    public async Task<IActionResult> OnPostEnableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var code = (Code ?? "").Replace(" ", "").Replace("-", "");
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            Problem = "TwoFactor.WrongCode";
            await LoadAsync(user);
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 8))?.ToList() ?? [];
        await signIn.RefreshSignInAsync(user);
        await LoadAsync(user);
        Message = null;
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        Message = "TwoFactor.Disabled";
        return RedirectToPage();
    }

    private async Task LoadAsync(CuratorUser user)
    {
        Enabled = await users.GetTwoFactorEnabledAsync(user);
        if (Enabled) return;
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
            // A new key changes the security stamp: renew this session's cookie, or the next check would sign the user out.
            await signIn.RefreshSignInAsync(user);
        }
        Key = key!;
        var email = Uri.EscapeDataString(user.Email ?? user.UserName ?? "");
        AuthenticatorUri = $"otpauth://totp/KreativLand:{email}?secret={Key}&issuer=KreativLand&digits=6";
    }

    /// <summary>The key in groups of four, easier to type into an app.</summary>
    public string GroupedKey => new StringBuilder().AppendJoin(' ', Key.Chunk(4).Select(c => new string(c))).ToString().ToLowerInvariant();
}
