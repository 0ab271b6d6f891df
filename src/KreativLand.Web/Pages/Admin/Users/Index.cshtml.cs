using System.ComponentModel.DataAnnotations;
using KreativLand.Web.Data;
using KreativLand.Web.Domain;
using KreativLand.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KreativLand.Web.Pages.Admin.Users;

public class IndexModel(KreativLandDbContext db, UserManager<CuratorUser> users, RoleManager<IdentityRole> roles, TimeProvider clock, Mailer mailer,
    Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> L) : PageModel
{
    public IReadOnlyList<Account> Accounts { get; private set; } = [];
    [BindProperty] public NewAccount Input { get; set; } = new();
    [BindProperty] public string? Role { get; set; }
    [TempData] public string? Message { get; set; }
    [TempData] public string? MessageDetail { get; set; }
    /// <summary>A password-reset link to hand over (shown once, when no mail server is configured).</summary>
    [TempData] public string? ResetLink { get; set; }

    public sealed record Account(string Id, string Email, IReadOnlyList<string> Roles, bool Disabled, bool LockedOut, bool TwoFactor, DateTimeOffset CreatedAt);

    public sealed class NewAccount
    {
        [Required(ErrorMessage = "Validation.Required"), EmailAddress(ErrorMessage = "Validation.Email"), Display(Name = "Account.Email")]
        public string Email { get; set; } = "";
        [Required(ErrorMessage = "Validation.Required"), DataType(DataType.Password), Display(Name = "Account.Password")]
        public string Password { get; set; } = "";
        [Display(Name = "Account.Role")]
        public string Role { get; set; } = Domain.Roles.Curator;
    }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostCreateAsync()
    {
        if (ModelState.IsValid)
        {
            var errors = await Infrastructure.Accounts.CreateUserAsync(users, roles, clock, Input.Email, Input.Password, Input.Role);
            foreach (var error in errors) ModelState.AddModelError("", error);
            if (errors.Count == 0)
            {
                Message = "Users.Created";
                return RedirectToPage();
            }
        }
        await LoadAsync();
        return Page();
    }

    public Task<IActionResult> OnPostDisableAsync(string id) => SetDisabledAsync(id, true);
    public Task<IActionResult> OnPostEnableAsync(string id) => SetDisabledAsync(id, false);

    private async Task<IActionResult> SetDisabledAsync(string id, bool disabled)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFound();
        if (disabled && user.Id == users.GetUserId(User))
        {
            ModelState.AddModelError("", "Users.CannotDisableSelf");
            await LoadAsync();
            return Page();
        }
        user.Disabled = disabled;
        // A new stamp ends the account's open sessions at their next check; the same update stores Disabled.
        await users.UpdateSecurityStampAsync(user);
        Message = disabled ? "Users.DisabledMessage" : "Users.EnabledMessage";
        return RedirectToPage();
    }

    /// <summary>Gives an account the other role; its sessions take the new role at the next check (within a minute).</summary>
    public async Task<IActionResult> OnPostRoleAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFound();
        if (Role is null || !Domain.Roles.All.Contains(Role)) return await ProblemAsync("Users.UnknownRole");
        if (user.Id == users.GetUserId(User) && Role != Domain.Roles.Admin) return await ProblemAsync("Users.CannotDemoteSelf");
        var current = await users.GetRolesAsync(user);
        if (!current.SequenceEqual([Role]))
        {
            // The stamp stays: the session check renews the signed-in principal with the new role within a minute.
            await users.RemoveFromRolesAsync(user, current);
            await users.AddToRoleAsync(user, Role);
        }
        (Message, MessageDetail) = ("Users.RoleChanged", user.Email);
        return RedirectToPage();
    }

    /// <summary>Ends a lockout after too many failed sign-ins.</summary>
    public async Task<IActionResult> OnPostUnlockAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFound();
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        (Message, MessageDetail) = ("Users.Unlocked", user.Email);
        return RedirectToPage();
    }

    /// <summary>For a curator who lost the authenticator: two-factor sign-in off, key and recovery codes gone.</summary>
    public async Task<IActionResult> OnPostResetTwoFactorAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFound();
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
        await users.UpdateSecurityStampAsync(user);
        (Message, MessageDetail) = ("Users.TwoFactorReset", user.Email);
        return RedirectToPage();
    }

    /// <summary>
    /// A link to set a new password (Identity's one-time token, valid for a day): mailed to the account when a mail server is
    /// configured, otherwise shown once to the admin to hand over.
    /// </summary>
    public async Task<IActionResult> OnPostResetPasswordAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null || user.Email is null) return NotFound();
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var link = Url.Page("/Account/ResetPassword", null, new { email = user.Email, token }, Request.Scheme, Request.Host.Value)!;
        var mailed = await mailer.SendAsync([user.Email], L["Users.ResetMailSubject"], L["Users.ResetMailBody", link]);
        (Message, MessageDetail) = (mailed ? "Users.ResetMailed" : "Users.ResetLinkShown", user.Email);
        if (!mailed) ResetLink = link;
        return RedirectToPage();
    }

    private async Task<IActionResult> ProblemAsync(string key)
    {
        ModelState.AddModelError("", key);
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        var now = clock.GetUtcNow();
        var rows = await db.Users.AsNoTracking()
            .OrderBy(u => u.Email)
            .Select(u => new
            {
                u.Id, u.Email, u.Disabled, u.LockoutEnd, u.CreatedAt, u.TwoFactorEnabled,
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
            })
            .ToListAsync();
        Accounts = rows.Select(u => new Account(u.Id, u.Email ?? "", u.Roles, u.Disabled, u.LockoutEnd > now, u.TwoFactorEnabled, u.CreatedAt)).ToList();
    }
}
