using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace KreativLand.Web.Infrastructure;

/// <summary>Identity's messages that admins see when creating accounts, in German and English.</summary>
public sealed class LocalizedIdentityErrors(IStringLocalizer<SharedResource> text) : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => new() { Code = nameof(PasswordTooShort), Description = text["Identity.PasswordTooShort", length] };
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => new() { Code = nameof(PasswordRequiresUniqueChars), Description = text["Identity.PasswordUniqueChars", uniqueChars] };
    public override IdentityError DuplicateEmail(string email) => new() { Code = nameof(DuplicateEmail), Description = text["Identity.DuplicateEmail", email] };
    public override IdentityError DuplicateUserName(string userName) => new() { Code = nameof(DuplicateUserName), Description = text["Identity.DuplicateEmail", userName] };
    public override IdentityError InvalidEmail(string? email) => new() { Code = nameof(InvalidEmail), Description = text["Identity.InvalidEmail", email ?? ""] };
    public string PasswordTooCommon() => text["Identity.PasswordTooCommon"];
    public override IdentityError InvalidUserName(string? userName) => new() { Code = nameof(InvalidUserName), Description = text["Identity.InvalidEmail", userName ?? ""] };
}
