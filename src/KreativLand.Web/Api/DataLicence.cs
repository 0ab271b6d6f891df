namespace KreativLand.Web.Api;

/// <summary>The licence of the open data (API, downloads, OGC API); CC BY 4.0 unless the operator sets another.</summary>
public static class DataLicence
{
    public const string DefaultName = "CC BY 4.0";
    public const string DefaultUrl = "https://creativecommons.org/licenses/by/4.0/";
}
