using Microsoft.AspNetCore.Identity;

namespace KreativLand.Web.Domain;

/// <summary>A person who works in the curator area. There is no public registration: admins create accounts.</summary>
public class CuratorUser : IdentityUser
{
    /// <summary>Disabled accounts cannot sign in; their open sessions end at the next security-stamp check.</summary>
    public bool Disabled { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

public static class Roles
{
    public const string Curator = "curator";
    public const string Admin = "admin";
    public static readonly string[] All = [Curator, Admin];
}

public static class Policies
{
    /// <summary>Everything under /admin: curators and admins.</summary>
    public const string CuratorArea = "curator-area";
    /// <summary>Account management and the threshold table: admins only.</summary>
    public const string AdminOnly = "admin-only";
}
