namespace KreativLand.Web.Domain;

/// <summary>
/// A submission form's token that has been used (its SHA-256, never the token): a second post with the same token is
/// refused, also on another instance. Rows older than the form's lifetime are deleted by the retention job.
/// </summary>
public class UsedFormToken
{
    public string TokenHash { get; set; } = "";
    public DateTimeOffset UsedAt { get; set; }

    public static string Hash(string token) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));
}
