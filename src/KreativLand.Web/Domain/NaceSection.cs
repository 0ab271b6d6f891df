namespace KreativLand.Web.Domain;

/// <summary>
/// A section of the EU's statistical classification of economic activities, NACE Rev. 2 (A–U): the controlled vocabulary for
/// an SME's sector. The partner stores the one-letter code; its free-text sector stays as a detail ("Forestry" under A).
/// Names as Eurostat (English) and Destatis, WZ 2008 (German) give them, the longest ones shortened as Destatis does in tables.
/// </summary>
public sealed record NaceSection(string Code, string NameDe, string NameEn)
{
    public LocalizedText Name => new(NameDe, NameEn);

    public static IReadOnlyList<NaceSection> All { get; } =
    [
        new("A", "Land- und Forstwirtschaft, Fischerei", "Agriculture, forestry and fishing"),
        new("B", "Bergbau und Gewinnung von Steinen und Erden", "Mining and quarrying"),
        new("C", "Verarbeitendes Gewerbe", "Manufacturing"),
        new("D", "Energieversorgung", "Electricity, gas, steam and air conditioning supply"),
        new("E", "Wasserversorgung, Abwasser- und Abfallentsorgung", "Water supply, sewerage and waste management"),
        new("F", "Baugewerbe", "Construction"),
        new("G", "Handel; Instandhaltung und Reparatur von Kraftfahrzeugen", "Wholesale and retail trade; repair of motor vehicles"),
        new("H", "Verkehr und Lagerei", "Transportation and storage"),
        new("I", "Gastgewerbe", "Accommodation and food service activities"),
        new("J", "Information und Kommunikation", "Information and communication"),
        new("K", "Finanz- und Versicherungsdienstleistungen", "Financial and insurance activities"),
        new("L", "Grundstücks- und Wohnungswesen", "Real estate activities"),
        new("M", "Freiberufliche, wissenschaftliche und technische Dienstleistungen", "Professional, scientific and technical activities"),
        new("N", "Sonstige wirtschaftliche Dienstleistungen", "Administrative and support service activities"),
        new("O", "Öffentliche Verwaltung, Verteidigung; Sozialversicherung", "Public administration and defence; social security"),
        new("P", "Erziehung und Unterricht", "Education"),
        new("Q", "Gesundheits- und Sozialwesen", "Human health and social work activities"),
        new("R", "Kunst, Unterhaltung und Erholung", "Arts, entertainment and recreation"),
        new("S", "Sonstige Dienstleistungen", "Other service activities"),
        new("T", "Private Haushalte mit Hauspersonal; Eigenbedarf", "Activities of households as employers and for own use"),
        new("U", "Exterritoriale Organisationen und Körperschaften", "Activities of extraterritorial organisations and bodies"),
    ];

    public static NaceSection? Find(string? code) => All.FirstOrDefault(s => s.Code == code);

    public static bool IsCode(string? code) => Find(code) is not null;

    /// <summary>"A – Land- und Forstwirtschaft, Fischerei", or the code itself when it is unknown.</summary>
    public static string Label(string code, string language) => Find(code) is { } section ? $"{code} – {section.Name.In(language).Text}" : code;
}
