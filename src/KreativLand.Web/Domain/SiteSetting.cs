namespace KreativLand.Web.Domain;

/// <summary>A setting admins change at run time (table site_settings), as text under a fixed key.</summary>
public class SiteSetting
{
    public const string FourEyesKey = "workflow.four-eyes";

    public string Key { get; set; } = "";
    public string Value { get; set; } = "";
    public string? UpdatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
