using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using KreativLand.Web.Domain;
using KreativLand.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace KreativLand.Web.Pages.Account;

/// <summary>
/// Sign-in. An unknown address, a wrong password and a locked account get the same message after the same work (one
/// password hash is checked every time), so neither the text nor the time tells whether an account exists. Attempts are
/// limited per client and per address (<see cref="SignInThrottle"/>): past that, 429 with Retry-After.
/// </summary>
public class LoginModel(SignInManager<CuratorUser> signIn, UserManager<CuratorUser> users, SignInThrottle throttle, IOptions<PasswordHasherOptions> hasherOptions)
    : PageModel
{
    [BindProperty] public LoginInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public sealed class LoginInput
    {
        [Required(ErrorMessage = "Validation.Required"), EmailAddress(ErrorMessage = "Validation.Email"), StringLength(256, ErrorMessage = "Validation.Length"), Display(Name = "Account.Email")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required"), StringLength(1000, ErrorMessage = "Validation.Length"), DataType(DataType.Password), Display(Name = "Account.Password")]
        public string Password { get; set; } = "";
    }

    /// <summary>
    /// A hash of a random password by the configured hasher, made once per hasher settings: what an attempt for an unknown or
    /// locked account is checked against. The hash carries its iteration count, so one made with other settings than the
    /// accounts' (e.g. PasswordHasher's defaults) would cost other work than a real check and tell the cases apart.
    /// </summary>
    private static readonly ConcurrentDictionary<(PasswordHasherCompatibilityMode, int), string> StandInHashes = new();

    private string StandInHash() => StandInHashes.GetOrAdd((hasherOptions.Value.CompatibilityMode, hasherOptions.Value.IterationCount),
        _ => users.PasswordHasher.HashPassword(new CuratorUser(), Guid.NewGuid().ToString("N")));

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (throttle.TryAttempt(RateLimits.Client(HttpContext), Input.Email ?? "") is { } wait)
        {
            Response.Headers.RetryAfter = RateLimits.Seconds(wait);
            ModelState.AddModelError("", "Account.TooManyAttempts");
            return new PageResult { StatusCode = StatusCodes.Status429TooManyRequests };
        }
        if (!ModelState.IsValid) return Page();

        // Valid means [Required] held: the null the binder gives an empty field (hence the `?? ""` above) is not here.
        var user = await users.FindByEmailAsync(Input.Email!.Trim());
        if (user is null || await users.IsLockedOutAsync(user))
        {
            // The same hash work as a real check, and no failed-attempt count for an account that is already locked.
            users.PasswordHasher.VerifyHashedPassword(user ?? new CuratorUser(), StandInHash(), Input.Password);
            return Failed();
        }
        if (user.Disabled)
        {
            // Only someone who knows the password learns that the account is disabled.
            var check = await signIn.CheckPasswordSignInAsync(user, Input.Password, lockoutOnFailure: true);
            if (!check.Succeeded) return Failed();
            ModelState.AddModelError("", "Account.Disabled");
            return Page();
        }
        var result = await signIn.PasswordSignInAsync(user, Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(ReturnUrl is { Length: > 0 } && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : Url.Content("~/admin"));
        }
        if (result.RequiresTwoFactor) return RedirectToPage("LoginTwoFactor", new { ReturnUrl });
        return Failed();
    }

    private PageResult Failed()
    {
        ModelState.AddModelError("", "Account.Failed");
        return Page();
    }
}
