namespace KreativLand.Web.Domain;

public enum ThresholdSource { Derived, Admin }

/// <summary>The population a municipality must stay below to count as rural in one country, and where the figure comes from.</summary>
public sealed record PopulationThreshold(string CountryCode, int Value, ThresholdSource Source);

/// <summary>
/// The report's population criterion for every country it may cover. Its research fixed 20,000 inhabitants for Germany and
/// scaled that figure for other European countries by their total population and land area; the report does not publish
/// its factors, so KreativLand derives them by one documented rule (docs/inclusion-criteria.md):
/// <code>T = 20,000 × √(P / P_DE) × ⁴√(A_DE / A)</code>, rounded to the nearest 100 —
/// the geometric mean of scaling by population and scaling by population density, square-rooted so that neither a small
/// nor a sparse country ends up with an absurd figure. Admins may set a country's value instead
/// (<see cref="CountryThreshold"/>); a country in neither table has no threshold and the criterion stays "unknown".
/// </summary>
public static class PopulationThresholds
{
    public const int GermanThreshold = 20_000;

    /// <summary>Population (thousands, about 2024) and total area (km²) of a country; see docs/inclusion-criteria.md for the sources.</summary>
    public sealed record CountryFigures(string CountryCode, int PopulationThousands, int AreaKm2, string Group);

    public const string Eu = "EU", Efta = "EFTA", Candidate = "candidate", UnitedKingdom = "UK";

    public static IReadOnlyList<CountryFigures> Figures { get; } =
    [
        new("AT", 9_159, 83_879, Eu), new("BE", 11_832, 30_689, Eu), new("BG", 6_446, 110_994, Eu), new("HR", 3_862, 56_594, Eu),
        new("CY", 933, 9_251, Eu), new("CZ", 10_900, 78_871, Eu), new("DK", 5_961, 42_933, Eu), new("EE", 1_374, 45_339, Eu),
        new("FI", 5_604, 338_455, Eu), new("FR", 68_401, 551_695, Eu), new("DE", 83_445, 357_592, Eu), new("GR", 10_397, 131_957, Eu),
        new("HU", 9_585, 93_028, Eu), new("IE", 5_271, 70_273, Eu), new("IT", 58_990, 302_073, Eu), new("LV", 1_872, 64_589, Eu),
        new("LT", 2_886, 65_286, Eu), new("LU", 672, 2_586, Eu), new("MT", 563, 316, Eu), new("NL", 17_942, 41_543, Eu),
        new("PL", 36_621, 312_696, Eu), new("PT", 10_639, 92_226, Eu), new("RO", 19_064, 238_397, Eu), new("SK", 5_425, 49_035, Eu),
        new("SI", 2_124, 20_273, Eu), new("ES", 48_619, 505_990, Eu), new("SE", 10_551, 450_295, Eu),
        new("IS", 384, 103_000, Efta), new("LI", 40, 160, Efta), new("NO", 5_551, 323_802, Efta), new("CH", 8_962, 41_285, Efta),
        new("GB", 68_300, 242_495, UnitedKingdom),
        new("AL", 2_403, 28_748, Candidate), new("BA", 3_210, 51_197, Candidate), new("GE", 3_695, 69_700, Candidate),
        new("MD", 2_423, 33_846, Candidate), new("ME", 623, 13_812, Candidate), new("MK", 1_826, 25_713, Candidate),
        new("RS", 6_605, 77_474, Candidate), new("TR", 85_372, 783_562, Candidate), new("UA", 37_733, 603_550, Candidate),
        new("XK", 1_586, 10_887, Candidate),
    ];

    private static readonly CountryFigures Germany = Figures.Single(f => f.CountryCode == "DE");

    private static readonly Dictionary<string, int> DerivedByCountry = Figures.ToDictionary(f => f.CountryCode, Derive, StringComparer.Ordinal);

    /// <summary>The derived threshold of one country by the rule above (Germany: exactly 20,000).</summary>
    public static int Derive(CountryFigures country)
    {
        var value = GermanThreshold
            * Math.Sqrt((double)country.PopulationThousands / Germany.PopulationThousands)
            * Math.Pow((double)Germany.AreaKm2 / country.AreaKm2, 0.25);
        return (int)(Math.Round(value / 100, MidpointRounding.AwayFromZero) * 100);
    }

    public static int? Derived(string? countryCode) =>
        countryCode is not null && DerivedByCountry.TryGetValue(countryCode, out var value) ? value : null;

    /// <summary>The threshold that applies: the admins' value, else the derived one, else none (the criterion is unknown).</summary>
    public static PopulationThreshold? For(string? countryCode, int? adminValue)
    {
        if (string.IsNullOrEmpty(countryCode)) return null;
        if (adminValue is { } set) return new(countryCode, set, ThresholdSource.Admin);
        return Derived(countryCode) is { } derived ? new(countryCode, derived, ThresholdSource.Derived) : null;
    }
}
