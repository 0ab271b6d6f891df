using KreativLand.Web.Data;
using KreativLand.Web.Domain;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace KreativLand.Web.Infrastructure;

public static class Accounts
{
    public const int MinimumPasswordLength = 12;
    /// <summary>The sign-in cookie; its presence marks a curator's request (see KreativLandDbContext's connection choice).</summary>
    public const string CookieName = "kl-auth";

    public static WebApplicationBuilder AddCuratorAccounts(this WebApplicationBuilder builder)
    {
        builder.Services
            .AddIdentity<CuratorUser, IdentityRole>(options =>
            {
                // Length over composition rules (NIST SP 800-63B); a few distinct characters keep out "aaaaaaaaaaaa".
                options.Password.RequiredLength = MinimumPasswordLength;
                options.Password.RequiredUniqueChars = 5;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<KreativLandDbContext>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<LocalizedIdentityErrors>();

        // A disabled account's cookie stops working within a minute (the stamp changes when it is disabled, a role changes
        // or a password is reset); tests shorten the interval with Accounts:SecurityStampValidationInterval.
        var interval = builder.Configuration.GetValue<TimeSpan?>("Accounts:SecurityStampValidationInterval") ?? TimeSpan.FromMinutes(1);
        builder.Services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = interval);

        // Cookies default their path to the request's PathBase, which holds the /de or /en prefix: signed in under /de,
        // a curator would be signed out under /en. Every cookie of Identity's schemes is therefore site-wide.
        builder.Services.ConfigureAll<CookieAuthenticationOptions>(options => options.Cookie.Path = "/");
        builder.Services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = CookieName;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            // Secure whenever the request came over HTTPS (behind a TLS proxy: forward the scheme).
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            options.LoginPath = "/account/login";
            options.LogoutPath = "/account/logout";
            // Identity's own events validate the security stamp on each request (OnValidatePrincipal): only one event is
            // changed here, never the whole Events object, or disabled accounts would stay signed in.
            // Signed in but without the role: a plain 403 page instead of a redirect.
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policies.CuratorArea, policy => policy.RequireRole(Roles.Curator, Roles.Admin))
            .AddPolicy(Policies.AdminOnly, policy => policy.RequireRole(Roles.Admin));
        return builder;
    }

    public static async Task EnsureRolesAsync(RoleManager<IdentityRole> roles)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));
        }
    }

    /// <summary>Creates an account with one role; the errors are Identity's readable descriptions.</summary>
    public static async Task<IReadOnlyList<string>> CreateUserAsync(
        UserManager<CuratorUser> users, RoleManager<IdentityRole> roles, TimeProvider clock, string email, string password, string role)
    {
        if (!Roles.All.Contains(role)) return [$"role must be one of {string.Join(", ", Roles.All)}"];
        email = email.Trim();
        // The user table holds 256 characters; a longer address is refused as invalid before it reaches the database.
        if (email.Length > 256) return [users.ErrorDescriber.InvalidEmail(email[..40] + "…").Description];
        if (!System.Net.Mail.MailAddress.TryCreate(email, out var address) || address.Address != email) return [users.ErrorDescriber.InvalidEmail(email).Description];
        await EnsureRolesAsync(roles);
        var user = new CuratorUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAt = clock.GetUtcNow() };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded) return created.Errors.Select(e => e.Description).ToList();
        var added = await users.AddToRoleAsync(user, role);
        if (!added.Succeeded)
        {
            await users.DeleteAsync(user);
            return added.Errors.Select(e => e.Description).ToList();
        }
        return [];
    }
}
