using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using KreativLand.Web.Data;
using KreativLand.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace KreativLand.Web.Import;

/// <summary>
/// Synthetic published listings for load tests (<c>./run.sh generate N</c>): full, bilingual content in Europe's small
/// places from the bundled gazetteer, written in the import format and imported through <see cref="CooperationImporter"/>
/// in batches, as a curator's file would be. Their slugs (and their partners') start with <see cref="SlugPrefix"/>, which
/// is how <c>--remove</c> finds exactly them. Deterministic: the n-th synthetic listing is always the same.
/// </summary>
public static class SyntheticListings
{
    public const string SlugPrefix = "kl-synthetic-";
    public const int BatchSize = 1000;

    /// <summary>Imported as published by the operator's recorded override: they are test data, not vetted listings.</summary>
    public static readonly ImportOptions Import = new(Actor.CommandLine, "./run.sh generate",
        "Synthetic listings for load tests, published without review by the operator.");

    /// <summary>Small places: rural municipalities the directory is about, not cities.</summary>
    private const int MinPopulation = 300, MaxPopulation = 40_000;

    public static async Task<int> GenerateAsync(IServiceProvider services, int count, TextWriter progress, CancellationToken cancellationToken = default)
    {
        var places = LoadPlaces(GazetteerLoader.DefaultPath);
        int existing;
        await using (var scope = services.CreateAsyncScope())
        {
            existing = await scope.ServiceProvider.GetRequiredService<KreativLandDbContext>().Cooperations
                .CountAsync(c => c.Slug.StartsWith(SlugPrefix), cancellationToken);
        }
        var watch = Stopwatch.StartNew();
        var done = 0;
        while (done < count)
        {
            var size = Math.Min(BatchSize, count - done);
            var file = new ImportFile
            {
                FormatVersion = CooperationImporter.SupportedFormatVersion,
                Comment = "Synthetic listings for load tests (./run.sh generate)",
                Cooperations = Enumerable.Range(existing + done, size).Select(n => (CooperationRecord?)Listing(n, places)).ToList(),
            };
            using var json = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(file, JsonOptions));
            // A scope per batch: the importer's context starts empty, so memory stays bounded however many are generated.
            await using (var scope = services.CreateAsyncScope())
            {
                var result = await scope.ServiceProvider.GetRequiredService<CooperationImporter>().ImportAsync(json, Import, cancellationToken);
                if (!result.Succeeded)
                {
                    progress.WriteLine($"Batch refused: {string.Join("; ", result.Errors.Take(5))}");
                    return 1;
                }
            }
            done += size;
            var rate = done / Math.Max(watch.Elapsed.TotalSeconds, 0.001);
            var left = TimeSpan.FromSeconds((count - done) / Math.Max(rate, 0.001));
            progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Generated {done:N0} of {count:N0} listings ({rate:N0}/s, {left:m\\:ss} left)"));
        }
        progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{count:N0} synthetic listings imported in {watch.Elapsed.TotalSeconds:N1} s; {existing + count:N0} in the database now."));
        return 0;
    }

    /// <summary>
    /// Writes <paramref name="count"/> synthetic listings as one import file instead of importing them: the input of the
    /// 50,000-listing import benchmark (<c>./run.sh import FILE --override …</c>), so the importer's own memory is measured.
    /// </summary>
    public static async Task WriteFileAsync(int count, string path, CancellationToken cancellationToken = default)
    {
        var places = LoadPlaces(GazetteerLoader.DefaultPath);
        var file = new ImportFile
        {
            FormatVersion = CooperationImporter.SupportedFormatVersion,
            Comment = "Synthetic listings for load tests (./run.sh generate N --file)",
            Cooperations = Enumerable.Range(0, count).Select(n => (CooperationRecord?)Listing(n, places)).ToList(),
        };
        await using var stream = File.Create(path);
        await JsonSerializer.SerializeAsync(stream, file, JsonOptions, cancellationToken);
    }

    /// <summary>Deletes exactly the synthetic listings and the synthetic partners no other listing uses.</summary>
    public static async Task<(int Listings, int Partners)> RemoveAsync(KreativLandDbContext db, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var listings = await db.Cooperations.Where(c => c.Slug.StartsWith(SlugPrefix)).ExecuteDeleteAsync(cancellationToken);
        var partners = await db.Partners.Where(p => p.Slug.StartsWith(SlugPrefix) && !p.Cooperations.Any()).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (listings, partners);
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    private sealed record Place(string Name, string Country, string? Region, int Population, double Latitude, double Longitude);

    private static List<Place> LoadPlaces(string path)
    {
        var places = new List<Place>();
        using var reader = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress));
        reader.ReadLine(); // header: geonameid name country admin1 population lat lon
        while (reader.ReadLine() is { } line)
        {
            var cells = line.Split('\t');
            if (cells.Length < 7 || !int.TryParse(cells[4], CultureInfo.InvariantCulture, out var population)) continue;
            if (population is < MinPopulation or > MaxPopulation || !Countries.IsCode(cells[2])) continue;
            // GeoNames' first-level division is often only a numeric code: named through the state tables where they know it
            // (Germany, Austria, Switzerland, UK), else kept only when it is a name.
            var region = Subdivisions.RegionText(cells[2], cells[3]);
            places.Add(new Place(cells[1], cells[2], region, population,
                double.Parse(cells[5], CultureInfo.InvariantCulture), double.Parse(cells[6], CultureInfo.InvariantCulture)));
        }
        return places;
    }

    private sealed record SmeSector(string En, string De, string[] BusinessDe, string[] BusinessEn);

    private static readonly SmeSector[] Sectors =
    [
        new("Forestry", "Forstwirtschaft", ["Forstbetrieb", "Sägewerk", "Holzhof"], ["forestry company", "sawmill", "timber yard"]),
        new("Food and beverages", "Lebensmittel und Getränke", ["Hofkäserei", "Brauerei", "Obstbrennerei", "Bäckerei"], ["farm dairy", "brewery", "fruit distillery", "bakery"]),
        new("Tourism and hospitality", "Tourismus und Gastgewerbe", ["Landhotel", "Gasthof", "Ferienhof"], ["country hotel", "inn", "holiday farm"]),
        new("Textile manufacturing", "Textilherstellung", ["Weberei", "Strickerei", "Färberei"], ["weaving mill", "knitwear maker", "dye works"]),
        new("Metal working", "Metallverarbeitung", ["Schlosserei", "Gießerei", "Metallbau"], ["locksmith", "foundry", "metal works"]),
        new("Agriculture", "Landwirtschaft", ["Biohof", "Gärtnerei", "Weingut"], ["organic farm", "market garden", "winery"]),
        new("Construction", "Bauwesen", ["Zimmerei", "Baufirma", "Steinmetz"], ["carpentry", "builder", "stonemason"]),
        new("Plastics processing", "Kunststoffverarbeitung", ["Kunststofftechnik", "Spritzguss"], ["plastics works", "injection moulder"]),
        new("Furniture making", "Möbelbau", ["Tischlerei", "Möbelwerkstatt"], ["joinery", "furniture workshop"]),
        new("Retail", "Einzelhandel", ["Dorfladen", "Hofladen"], ["village shop", "farm shop"]),
    ];

    private static readonly string[] Surnames =
    [
        "Müller", "Schmidt", "Novák", "Kowalski", "Rossi", "García", "Dubois", "Jansen", "Nielsen", "Horvat", "Papadopoulos",
        "Lehmann", "Gruber", "Varga", "Silva", "Lindqvist", "Virtanen", "Murphy", "Popescu", "Kovač", "Berg", "Weber", "Fischer",
    ];

    private static readonly Dictionary<string, (string De, string En)[]> CciNames = new()
    {
        ["music"] = [("Klangwerkstatt", "Sound Workshop"), ("Musikkollektiv", "Music Collective")],
        ["books"] = [("Kleinverlag", "Small Press"), ("Buchwerkstatt", "Book Workshop")],
        ["art-market"] = [("Galerie", "Gallery"), ("Kunstraum", "Art Space")],
        ["film"] = [("Filmkollektiv", "Film Collective"), ("Dokumentarfilm", "Documentary Films")],
        ["broadcasting"] = [("Bürgerradio", "Community Radio"), ("Podcaststudio", "Podcast Studio")],
        ["performing-arts"] = [("Theaterkompanie", "Theatre Company"), ("Tanzensemble", "Dance Ensemble")],
        ["design"] = [("Designstudio", "Design Studio"), ("Produktdesign", "Product Design")],
        ["architecture"] = [("Architekturbüro", "Architects"), ("Planungswerkstatt", "Planning Workshop")],
        ["press"] = [("Lokalmagazin", "Local Magazine"), ("Redaktionsbüro", "Editorial Office")],
        ["advertising"] = [("Werbeagentur", "Agency"), ("Kommunikationsbüro", "Communication Studio")],
        ["software-games"] = [("Spielestudio", "Game Studio"), ("Softwarewerkstatt", "Software Lab")],
        ["arts-crafts"] = [("Keramikwerkstatt", "Ceramics Workshop"), ("Atelier", "Atelier")],
    };

    private static readonly string[] Subsectors = Subsector.Seed.Select(s => s.Code).ToArray();

    private static readonly (string De, string En)[] Projects =
    [
        ("Neue Produktlinie", "A new product line"), ("Online-Verkauf", "Selling online"), ("Erlebnisangebot", "A visitor experience"),
        ("Markenauftritt", "A brand identity"), ("Festival im Dorf", "A village festival"), ("Umbau der alten Halle", "Converting the old hall"),
        ("Lernspiel", "An educational game"), ("Verpackung aus Resten", "Packaging from leftovers"), ("Hörspaziergang", "An audio walk"),
    ];

    private static CooperationRecord Listing(int n, List<Place> places)
    {
        var random = new Random(unchecked(n * 7919 + 17));
        T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
        var place = places[random.Next(places.Count)];
        var sector = Pick(Sectors);
        var business = random.Next(sector.BusinessDe.Length);
        var surname = Pick(Surnames);
        var project = Pick(Projects);
        var smeName = $"{sector.BusinessDe[business]} {surname}";
        // A CCI partner works with several SMEs now and then (partner pages list more than one cooperation): its details
        // depend on its own number only, so every listing that shares it describes it the same way.
        var cciNumber = random.Next(3) == 0 ? n % 997 : n;
        var cci = new Random(unchecked(cciNumber * 104729 + 3));
        var subsector = Subsectors[cci.Next(Subsectors.Length)];
        var (cciDe, cciEn) = CciNames[subsector][cci.Next(CciNames[subsector].Length)];
        var cciName = $"{cciDe} {Surnames[cci.Next(Surnames.Length)]}";
        var cciEmployees = 1 + cci.Next(12);
        var cciUrban = cci.Next(2) == 0;
        var startYear = 2004 + random.Next(21);
        var ongoing = random.Next(3) > 0;
        int? endYear = ongoing ? null : Math.Min(2025, startYear + 1 + random.Next(8));
        var partners = new List<ImportPartner?>
        {
            new()
            {
                Slug = $"{SlugPrefix}sme-{n}", Name = smeName, Kind = "sme", Sector = sector.En, Employees = 3 + random.Next(240),
                Municipality = place.Name, Country = place.Country, Urban = false,
                Role = new ImportText { De = sector.BusinessDe[business], En = sector.BusinessEn[business] },
            },
            new()
            {
                Slug = $"{SlugPrefix}cci-{cciNumber}", Name = cciName,
                Kind = "cci", Subsector = subsector, Employees = cciEmployees, Urban = cciUrban,
                Role = new ImportText { De = cciDe, En = cciEn },
            },
        };
        if (random.Next(6) == 0)
        {
            var second = Subsectors[random.Next(Subsectors.Length)];
            partners.Add(new ImportPartner
            {
                Slug = $"{SlugPrefix}cci-{n}-b", Name = $"{Pick(CciNames[second]).De} {Pick(Surnames)}", Kind = "cci", Subsector = second,
                Employees = 1 + random.Next(6), Role = new ImportText { De = "Partner", En = "partner" },
            });
        }
        string Codes<TEnum>() where TEnum : struct, Enum => Code.Of(Pick(Enum.GetValues<TEnum>()));
        return new CooperationRecord
        {
            Slug = $"{SlugPrefix}{n}",
            Status = "published",
            Title = new ImportText { De = $"{project.De}: {smeName} und {cciDe}", En = $"{project.En}: {smeName} and {cciEn}" },
            Summary = new ImportText
            {
                De = $"Die {sector.BusinessDe[business]} aus {place.Name} arbeitet seit {startYear} mit {cciName} zusammen.",
                En = $"The {sector.BusinessEn[business]} from {place.Name} has worked with {cciName} since {startYear}.",
            },
            Description = new ImportText
            {
                De = $"{smeName} ist ein Betrieb der {sector.De} in {place.Name} ({place.Population:N0} Einwohner). "
                    + $"Gemeinsam mit {cciName} entstand „{project.De}“. Die Partner trafen sich über regionale Netzwerke und "
                    + "entwickelten die Idee in mehreren Werkstattrunden weiter. Heute zieht das Angebot Gäste aus der ganzen Region an "
                    + "und hat zwei neue Arbeitsplätze geschaffen.",
                En = $"{smeName} is a {sector.En.ToLowerInvariant()} business in {place.Name} (population {place.Population:N0}). "
                    + $"Together with {cciName} it created \"{project.En}\". The partners met through regional networks and "
                    + "developed the idea over several workshops. Today the offer draws visitors from across the region "
                    + "and has created two new jobs.",
            },
            StartYear = startYear,
            EndYear = endYear,
            Ongoing = ongoing,
            ContinuousSinceStart = random.Next(2) == 0,
            ContactOrigins = [Codes<ContactOrigin>()],
            RegionValues = Enumerable.Range(0, 1 + random.Next(2)).Select(_ => (string?)Codes<RegionValue>()).Distinct().ToList(),
            PartnerValues = [Codes<PartnerValue>()],
            Advice = new ImportAdvice
            {
                Smes = new ImportText { De = "Offen auf Kreative zugehen und früh gemeinsame Ziele festlegen.", En = "Approach creatives openly and agree on shared goals early." },
                Creatives = new ImportText { De = "Den Betrieb vor Ort kennenlernen, bevor man Entwürfe macht.", En = "Get to know the business on site before drafting anything." },
            },
            Quotes = random.Next(2) == 0 ? [] :
            [
                new ImportQuote { Text = new ImportText { De = "Ohne den Blick von außen hätten wir das nie gewagt.", En = "Without the outside view we would never have dared." }, Person = $"{Pick(Surnames)}", Role = "Inhaberin" },
            ],
            Media = [new ImportMedia { Kind = "website", Url = $"https://example.org/kreativland/{n}", Title = project.En }],
            Location = new ImportLocation
            {
                Municipality = place.Name, Population = place.Population, Region = place.Region, Country = place.Country,
                // Within about 1 km of the place's centre, so listings in one place do not sit on one point.
                Latitude = Math.Round(place.Latitude + (random.NextDouble() - 0.5) * 0.02, 5),
                Longitude = Math.Round(place.Longitude + (random.NextDouble() - 0.5) * 0.03, 5),
            },
            Partners = partners,
        };
    }
}
