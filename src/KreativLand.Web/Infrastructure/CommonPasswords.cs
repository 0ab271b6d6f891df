using System.IO.Compression;
using KreativLand.Web.Domain;
using Microsoft.AspNetCore.Identity;

namespace KreativLand.Web.Infrastructure;

/// <summary>
/// Refuses new passwords that are on a list of commonly used passwords (NIST SP 800-63B, 5.1.1.2), or are one of them with
/// digits and symbols added around it ("password1234", "!!dragon2024!!"). The list ships with the project:
/// Infrastructure/Data/common-passwords.txt.gz, the 49,233 passwords of @zxcvbn-ts/language-common 4.1.3 (MIT, licence beside it).
/// </summary>
public sealed class CommonPasswords : IPasswordValidator<CuratorUser>
{
    private static readonly Lazy<HashSet<string>> List = new(Load);

    public static bool IsCommon(string password)
    {
        var folded = password.Trim().ToLowerInvariant();
        if (List.Value.Contains(folded)) return true;
        // A common word wrapped in digits and symbols is no stronger than the word (guessers try those first).
        var core = folded.Trim("0123456789!?.,;:-_+*#@$%&/=~^()[]{}<>'\" ".ToCharArray());
        return core.Length > 0 && core.Length < folded.Length && List.Value.Contains(core);
    }

    public Task<IdentityResult> ValidateAsync(UserManager<CuratorUser> manager, CuratorUser user, string? password) =>
        Task.FromResult(password is not null && IsCommon(password)
            ? IdentityResult.Failed(new IdentityError { Code = "PasswordTooCommon", Description = manager.ErrorDescriber is LocalizedIdentityErrors localized ? localized.PasswordTooCommon() : "This password is too common." })
            : IdentityResult.Success);

    private static HashSet<string> Load()
    {
        using var file = typeof(CommonPasswords).Assembly.GetManifestResourceStream("KreativLand.Web.CommonPasswords.txt.gz")
            ?? throw new InvalidOperationException("the common-password list is not embedded");
        using var reader = new StreamReader(new GZipStream(file, CompressionMode.Decompress));
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line) if (line.Length > 0) set.Add(line.ToLowerInvariant());
        return set;
    }
}
