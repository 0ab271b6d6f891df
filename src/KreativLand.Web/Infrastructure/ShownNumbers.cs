using System.Globalization;

namespace KreativLand.Web.Infrastructure;

/// <summary>
/// A count a page writes on its own, grouped the way the reader's language writes it (the request culture): 10.011 in
/// German, 10,011 in English. Resource texts do the same with <c>{0:N0}</c>. Machine-readable outputs (JSON, CSV,
/// GeoJSON, Atom, data- attributes a script reads) keep plain invariant digits.
/// </summary>
public static class ShownNumbers
{
    public static string Count(long value) => value.ToString("N0", CultureInfo.CurrentCulture);
}
