using KreativLand.Web.Domain;
using static KreativLand.Web.Domain.CriteriaFacts;

namespace KreativLand.Web.Tests.Domain;

public class InclusionCriteriaTests
{
    private static readonly Attestation Yes = new(true, "seen in the project report");

    private static CriteriaFacts Facts(
        IReadOnlyList<PartnerFacts>? partners = null, int? population = 5_000, string country = "DE", int? threshold = 20_000,
        Attestation? economic = null, Attestation? equal = null, Attestation? regional = null, Attestation? smeSize = null) =>
        new(partners ?? [Sme(10), Cci("design")], population, country,
            threshold is { } value ? new PopulationThreshold(country, value, ThresholdSource.Derived) : null,
            economic ?? Yes, equal ?? Yes, regional ?? Yes, smeSize ?? Attestation.Empty);

    private static PartnerFacts Sme(int? employees, bool? urban = false, string name = "Sawmill") => new(name, PartnerKind.Sme, employees, null, urban);
    private static PartnerFacts Cci(string? subsector, bool? urban = false, string name = "Studio") => new(name, PartnerKind.Cci, null, subsector, urban);

    private static CriterionResult Result(CriteriaFacts facts, string key) => InclusionCriteria.Evaluate(facts).Single(r => r.Key == key);

    [Fact]
    public void Impossible_values_fail()
    {
        Assert.Equal((CriterionOutcome.Fail, "Criteria.Sme.Impossible"), Outcome(Facts([Sme(-5), Cci("design")]), "sme"));
        Assert.Equal((CriterionOutcome.Fail, "Criteria.Population.Impossible"), Outcome(Facts(population: -1), "population"));
    }

    [Fact]
    public void A_country_without_a_threshold_is_unknown_never_another_countrys_figure()
    {
        Assert.Equal((CriterionOutcome.Unknown, "Criteria.Population.NoThreshold"), Outcome(Facts(population: 900, country: "AD", threshold: null), "population"));
    }

    [Fact]
    public void The_checklist_says_where_the_threshold_comes_from()
    {
        Assert.Equal("Criteria.Population.Derived", Result(Facts(), "population").NoteKey);
        var admin = new CriteriaFacts([Sme(10), Cci("design")], 5_000, "LU", new PopulationThreshold("LU", 8_000, ThresholdSource.Admin), Yes, Yes, Yes, Attestation.Empty);
        Assert.Equal("Criteria.Population.SetByAdmin", Result(admin, "population").NoteKey);
    }

    [Fact]
    public void Without_an_employee_count_the_curator_may_confirm_the_sme_size_with_a_note()
    {
        Assert.Equal((CriterionOutcome.Unknown, "Criteria.Sme.EmployeesUnknown"), Outcome(Facts([Sme(null), Cci("design")]), "sme"));
        Assert.Equal((CriterionOutcome.Pass, "Criteria.Sme.Attested"), Outcome(Facts([Sme(null), Cci("design")], smeSize: new(true, "the report lists it as an SME")), "sme"));
        Assert.Equal((CriterionOutcome.Unknown, "Criteria.Sme.EmployeesUnknown"), Outcome(Facts([Sme(null), Cci("design")], smeSize: new(true, null)), "sme"));
        Assert.Equal((CriterionOutcome.Fail, "Criteria.Sme.AttestedTooLarge"), Outcome(Facts([Sme(null), Cci("design")], smeSize: new(false, "400 staff")), "sme"));
        // A known count decides; the attestation only fills the gap.
        Assert.Equal(CriterionOutcome.Fail, Outcome(Facts([Sme(300), Cci("design")], smeSize: new(true, "x")), "sme").Outcome);
    }

    private static (CriterionOutcome Outcome, string ReasonKey) Outcome(CriteriaFacts facts, string key)
    {
        var result = Result(facts, key);
        return (result.Outcome, result.ReasonKey);
    }

    [Fact]
    public void A_complete_listing_passes_every_criterion()
    {
        var results = InclusionCriteria.Evaluate(Facts());
        Assert.Equal(InclusionCriteria.Keys, results.Select(r => r.Key));
        Assert.True(InclusionCriteria.AllPass(results));
    }

    [Theory]
    [InlineData(250, CriterionOutcome.Pass)]
    [InlineData(251, CriterionOutcome.Fail)]
    [InlineData(0, CriterionOutcome.Pass)]
    [InlineData(null, CriterionOutcome.Unknown)]
    public void An_sme_partner_may_have_at_most_250_employees(int? employees, CriterionOutcome expected)
    {
        var result = Result(Facts([Sme(employees), Cci("music")]), "sme");
        Assert.Equal(expected, result.Outcome);
    }

    [Fact]
    public void One_small_sme_is_enough_even_next_to_a_large_one()
    {
        Assert.Equal(CriterionOutcome.Pass, Result(Facts([Sme(900, name: "Big"), Sme(12, name: "Small"), Cci("film")]), "sme").Outcome);
        Assert.Equal("Criteria.Sme.Pass", Result(Facts([Sme(900, name: "Big"), Sme(12, name: "Small"), Cci("film")]), "sme").ReasonKey);
    }

    [Fact]
    public void Without_an_sme_partner_the_check_fails_with_its_own_reason()
    {
        var result = Result(Facts([Cci("film"), Cci("music", name: "Band")]), "sme");
        Assert.Equal(CriterionOutcome.Fail, result.Outcome);
        Assert.Equal("Criteria.Sme.None", result.ReasonKey);
    }

    [Theory]
    [InlineData("design", CriterionOutcome.Pass)]
    [InlineData("software-games", CriterionOutcome.Pass)]
    [InlineData(null, CriterionOutcome.Unknown)]
    [InlineData("gardening", CriterionOutcome.Unknown)]
    public void A_cci_partner_needs_one_of_the_twelve_subsectors(string? subsector, CriterionOutcome expected) =>
        Assert.Equal(expected, Result(Facts([Sme(5), Cci(subsector)]), "cci").Outcome);

    [Fact]
    public void Without_a_cci_partner_the_check_fails() =>
        Assert.Equal(CriterionOutcome.Fail, Result(Facts([Sme(5), Sme(7, name: "Other")]), "cci").Outcome);

    [Theory]
    [InlineData(19_999, 20_000, CriterionOutcome.Pass)]
    [InlineData(20_000, 20_000, CriterionOutcome.Fail)]
    [InlineData(20_001, 20_000, CriterionOutcome.Fail)]
    // A scaled threshold, e.g. for a sparsely populated country: 9,999 passes, 10,000 does not.
    [InlineData(9_999, 10_000, CriterionOutcome.Pass)]
    [InlineData(10_000, 10_000, CriterionOutcome.Fail)]
    [InlineData(25_000, 30_000, CriterionOutcome.Pass)]
    public void The_municipality_must_be_below_the_country_threshold(int population, int threshold, CriterionOutcome expected)
    {
        var result = Result(Facts(population: population, threshold: threshold, country: "AT"), "population");
        Assert.Equal(expected, result.Outcome);
        Assert.Equal([population, threshold, "AT"], result.Arguments);
    }

    [Fact]
    public void An_unknown_population_is_unknown() =>
        Assert.Equal(CriterionOutcome.Unknown, Result(Facts(population: null), "population").Outcome);

    [Fact]
    public void One_urban_partner_passes_two_fail()
    {
        Assert.Equal(CriterionOutcome.Pass, Result(Facts([Sme(5, urban: false), Cci("design", urban: true)]), "urban").Outcome);
        var two = Result(Facts([Sme(5, urban: true), Cci("design", urban: true)]), "urban");
        Assert.Equal(CriterionOutcome.Fail, two.Outcome);
        Assert.Equal(2, two.Arguments[0]);
    }

    [Fact]
    public void An_unknown_urban_status_is_unknown_only_when_it_could_make_a_second_urban_partner()
    {
        Assert.Equal(CriterionOutcome.Unknown, Result(Facts([Sme(5, urban: null), Cci("design", urban: true)]), "urban").Outcome);
        Assert.Equal(CriterionOutcome.Pass, Result(Facts([Sme(5, urban: null), Cci("design", urban: false)]), "urban").Outcome);
    }

    [Theory]
    [InlineData(true, "a note", CriterionOutcome.Pass)]
    [InlineData(true, "  ", CriterionOutcome.Unknown)]
    [InlineData(true, null, CriterionOutcome.Unknown)]
    [InlineData(false, "commissioned work", CriterionOutcome.Fail)]
    [InlineData(null, null, CriterionOutcome.Unknown)]
    public void Attested_criteria_need_a_confirmation_with_a_note(bool? confirmed, string? note, CriterionOutcome expected)
    {
        var facts = Facts(equal: new Attestation(confirmed, note));
        Assert.Equal(expected, Result(facts, "equal-terms").Outcome);
        Assert.False(InclusionCriteria.AllPass(InclusionCriteria.Evaluate(facts)) && expected != CriterionOutcome.Pass);
    }
}

public class InclusionCriteriaTextTests
{
    private static HashSet<string> Keys(string language) =>
        System.Xml.Linq.XDocument.Load(Path.Combine(KreativLand.Web.Tests.Infrastructure.SourceTree.WebProject, "Resources", $"SharedResource.{language}.resx"))
            .Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet();

    [Fact]
    public void Every_label_reason_and_outcome_has_a_german_and_an_english_text()
    {
        var partners = new CriteriaFacts.PartnerFacts[][]
        {
            [], [new("A", PartnerKind.Sme, null, null, null), new("B", PartnerKind.Cci, null, null, null)],
            [new("A", PartnerKind.Sme, 999, null, true), new("B", PartnerKind.Cci, null, "music", true)],
            [new("A", PartnerKind.Sme, 9, null, false), new("B", PartnerKind.Cci, null, "music", false)],
            [new("A", PartnerKind.Sme, -5, null, false), new("B", PartnerKind.Cci, null, "music", false)],
        };
        var thresholds = new PopulationThreshold?[] { new("DE", 20_000, ThresholdSource.Derived), new("DE", 15_000, ThresholdSource.Admin), null };
        var attestations = new[] { Attestation.Empty, new Attestation(true, null), new Attestation(false, "x"), new Attestation(true, "x") };
        var reasons = new HashSet<string>();
        foreach (var p in partners)
            foreach (var a in attestations)
                foreach (var population in new int?[] { null, 10, 50_000, -1 })
                    foreach (var threshold in thresholds)
                        foreach (var result in InclusionCriteria.Evaluate(new CriteriaFacts(p, population, "DE", threshold, a, a, a, a)))
                            reasons.UnionWith(new[] { result.ReasonKey, result.LabelKey, "Criteria.Outcome." + Code.Of(result.Outcome), result.NoteKey }.OfType<string>());

        Assert.Equal(22 + 7 + 3 + 2, reasons.Count);
        foreach (var language in Languages.All)
            Assert.Empty(reasons.Except(Keys(language)).Select(k => $"{language}: {k}"));
    }
}
