using System.ComponentModel.DataAnnotations;
using KreativLand.Web.Data;
using KreativLand.Web.Domain;
using KreativLand.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KreativLand.Web.Pages.Admin.Users;

public class IndexModel(KreativLandDbContext db, UserManager<CuratorUser> users, RoleManager<IdentityRole> roles, TimeProvider clock) : PageModel
{
    public IReadOnlyList<Account> Accounts { get; private set; } = [];
    [BindProperty] public NewAccount Input { get; set; } = new();
    [TempData] public string? Message { get; set; }

    public sealed record Account(string Id, string Email, IReadOnlyList<string> Roles, bool Disabled, bool LockedOut, DateTimeOffset CreatedAt);

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

    private async Task LoadAsync()
    {
        var now = clock.GetUtcNow();
        var rows = await db.Users.AsNoTracking()
            .OrderBy(u => u.Email)
            .Select(u => new
            {
                u.Id, u.Email, u.Disabled, u.LockoutEnd, u.CreatedAt,
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
            })
            .ToListAsync();
        Accounts = rows.Select(u => new Account(u.Id, u.Email ?? "", u.Roles, u.Disabled, u.LockoutEnd > now, u.CreatedAt)).ToList();
    }
}
