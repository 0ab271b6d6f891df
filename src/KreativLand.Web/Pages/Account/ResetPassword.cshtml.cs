using System.ComponentModel.DataAnnotations;
using KreativLand.Web.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KreativLand.Web.Pages.Account;

/// <summary>Sets a new password with the one-time link an admin issued (/admin/users).</summary>
public class ResetPasswordModel(UserManager<CuratorUser> users) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Email { get; set; }
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }
    [BindProperty] public ResetInput Input { get; set; } = new();
    public bool Done { get; private set; }

    public sealed class ResetInput
    {
        [Required(ErrorMessage = "Validation.Required"), DataType(DataType.Password), Display(Name = "Account.NewPassword")]
        public string Password { get; set; } = "";
        [Required(ErrorMessage = "Validation.Required"), DataType(DataType.Password), Compare(nameof(Password), ErrorMessage = "Account.PasswordsDiffer"), Display(Name = "Account.RepeatPassword")]
        public string Repeat { get; set; } = "";
    }

    public IActionResult OnGet() => string.IsNullOrEmpty(Email) || string.IsNullOrEmpty(Token) ? BadRequest() : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrEmpty(Email) || string.IsNullOrEmpty(Token)) return BadRequest();
        if (!ModelState.IsValid) return Page();
        var user = await users.FindByEmailAsync(Email);
        // An unknown address gets the same answer as an expired link.
        var result = user is null ? IdentityResult.Failed(new IdentityError { Code = "InvalidToken" }) : await users.ResetPasswordAsync(user, Token, Input.Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
                ModelState.AddModelError("", error.Code == "InvalidToken" ? "Account.ResetLinkInvalid" : error.Description);
            return Page();
        }
        // The link is spent with the new password; sessions signed in with the old one end at their next check.
        await users.UpdateSecurityStampAsync(user!);
        await users.SetLockoutEndDateAsync(user!, null);
        Done = true;
        return Page();
    }
}
