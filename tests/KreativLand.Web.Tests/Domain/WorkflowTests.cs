using KreativLand.Web.Domain;
using static KreativLand.Web.Domain.CooperationStatus;

namespace KreativLand.Web.Tests.Domain;

public class WorkflowTests
{
    private static readonly Actor Curator = new("anna@example.org", IsAdmin: false);
    private static readonly Actor Admin = new("admin@example.org", IsAdmin: true);
    private static readonly CriterionResult Met = new("sme", CriterionOutcome.Pass, "Criteria.Sme.Pass");
    private static readonly CriterionResult Unmet = new("population", CriterionOutcome.Fail, "Criteria.Population.Fail");

    private static ReviewDecision Review(bool criteriaPass = true, bool fourEyes = false, bool @override = false, string? reason = null) =>
        new(criteriaPass ? [Met] : [Met, Unmet], fourEyes, @override, reason);

    private static string? Key(Refusal? refusal) => refusal?.Key;

    [Theory]
    [InlineData(Draft, InReview)]
    [InlineData(Submitted, InReview)]
    [InlineData(InReview, Published)]
    [InlineData(Published, Archived)]
    [InlineData(Archived, Draft)]
    public void Allowed_transitions_pass(CooperationStatus from, CooperationStatus to) =>
        Assert.Null(Workflow.Refusal(from, to, Review(), Curator, lastEditor: "someone@example.org"));

    [Theory]
    [InlineData(Draft, Published)]
    [InlineData(Submitted, Published)]
    [InlineData(Archived, Published)]
    [InlineData(Rejected, Published)]
    [InlineData(Draft, Submitted)]
    [InlineData(Rejected, InReview)]
    public void Skipping_the_review_is_refused_even_with_an_override(CooperationStatus from, CooperationStatus to) =>
        Assert.Equal("Workflow.NotAllowed", Key(Workflow.Refusal(from, to, Review(@override: true, reason: "urgent"), Admin, null)));

    [Fact]
    public void Rejecting_needs_a_reason()
    {
        Assert.Equal("Workflow.RejectReasonRequired", Key(Workflow.Refusal(InReview, Rejected, Review(reason: " "), Curator, null)));
        Assert.Null(Workflow.Refusal(InReview, Rejected, Review(reason: "not a rural cooperation"), Curator, null));
    }

    [Fact]
    public void Publishing_with_a_failing_criterion_names_it_and_needs_an_admin_override_with_a_reason()
    {
        var refusal = Workflow.Refusal(InReview, Published, Review(criteriaPass: false), Admin, null);
        Assert.Equal("Workflow.CriteriaNotMet", Key(refusal));
        Assert.Equal(["population"], refusal!.FailingCriteria);
        Assert.Equal("Workflow.OverrideAdminOnly", Key(Workflow.Refusal(InReview, Published, Review(false, @override: true, reason: "because"), Curator, null)));
        Assert.Equal("Workflow.OverrideReasonRequired", Key(Workflow.Refusal(InReview, Published, Review(false, @override: true, reason: ""), Admin, null)));
        Assert.Null(Workflow.Refusal(InReview, Published, Review(false, @override: true, reason: "town merged in 2024; village itself has 3,000"), Admin, null));
    }

    [Fact]
    public void Under_the_four_eyes_rule_the_author_does_not_publish_alone()
    {
        Assert.Equal("Workflow.FourEyes", Key(Workflow.Refusal(InReview, Published, Review(fourEyes: true), Curator, Curator.Name)));
        // The address is compared without regard to case (it is the sign-in name).
        Assert.Equal("Workflow.FourEyes", Key(Workflow.Refusal(InReview, Published, Review(fourEyes: true), Curator, "ANNA@example.org")));
        Assert.Null(Workflow.Refusal(InReview, Published, Review(fourEyes: true), Curator, "ben@example.org"));
        Assert.Null(Workflow.Refusal(InReview, Published, Review(fourEyes: false), Curator, Curator.Name));
        // Curators cannot override it; admins can, with a reason.
        Assert.Equal("Workflow.OverrideAdminOnly", Key(Workflow.Refusal(InReview, Published, Review(fourEyes: true, @override: true, reason: "alone today"), Curator, Curator.Name)));
        Assert.Equal("Workflow.FourEyes", Key(Workflow.Refusal(InReview, Published, Review(fourEyes: true), Admin, Admin.Name)));
        Assert.Equal("Workflow.OverrideReasonRequired", Key(Workflow.Refusal(InReview, Published, Review(fourEyes: true, @override: true), Admin, Admin.Name)));
        Assert.Null(Workflow.Refusal(InReview, Published, Review(fourEyes: true, @override: true, reason: "only admin on duty"), Admin, Admin.Name));
        // Other transitions are not reviews: the author may send her own listing to review or archive it.
        Assert.Null(Workflow.Refusal(Draft, InReview, Review(fourEyes: true), Curator, Curator.Name));
    }

    [Fact]
    public void A_criteria_refusal_also_says_when_the_four_eyes_rule_stands_in_the_way()
    {
        var refusal = Workflow.Refusal(InReview, Published, Review(criteriaPass: false, fourEyes: true), Curator, Curator.Name);
        Assert.Equal("Workflow.CriteriaNotMet", Key(refusal));
        Assert.True(refusal!.FourEyesToo);
    }

    [Fact]
    public void A_reason_over_the_limit_is_refused_at_the_boundary()
    {
        Assert.Null(Workflow.Refusal(InReview, Rejected, Review(reason: new string('x', Workflow.MaxReasonLength)), Curator, null));
        Assert.Equal("Workflow.ReasonTooLong", Key(Workflow.Refusal(InReview, Rejected, Review(reason: new string('x', Workflow.MaxReasonLength + 1)), Curator, null)));
    }

    [Fact]
    public void A_listing_moves_only_through_its_own_methods_which_write_the_history()
    {
        var now = DateTimeOffset.UtcNow;
        var listing = Cooperation.Create("mill", Draft, Curator, now, HistoryEvent.Created);
        Assert.Equal(Curator.Name, listing.LastEditedBy);
        Assert.Equal((null, Draft, HistoryEvent.Created), (listing.StatusChanges[0].From, listing.StatusChanges[0].To, listing.StatusChanges[0].Event));

        Assert.Null(listing.TransitionTo(InReview, Curator, now, Review(fourEyes: true), revisionPending: false));
        // Her own content: refused, and nothing changes.
        Assert.Equal("Workflow.FourEyes", listing.TransitionTo(Published, Curator, now, Review(fourEyes: true), revisionPending: false)?.Key);
        Assert.Equal(InReview, listing.Status);
        Assert.Null(listing.PublishedAt);
        Assert.Equal(2, listing.StatusChanges.Count);

        var reviewer = new Actor("ben@example.org", IsAdmin: false);
        Assert.Null(listing.TransitionTo(Published, reviewer, now, Review(fourEyes: true), revisionPending: false));
        Assert.Equal((Published, now, now), (listing.Status, listing.PublishedAt, listing.LastReviewedAt));
        Assert.Equal("Workflow.RevisionPending", listing.TransitionTo(Archived, reviewer, now, Review(), revisionPending: true)?.Key);
    }

    [Fact]
    public void A_decision_on_an_older_version_is_refused()
    {
        var listing = Cooperation.Create("mill", InReview, Curator, DateTimeOffset.UtcNow, HistoryEvent.Imported, "file.json");
        listing.Version = 7;
        var seenOlder = Review() with { SeenVersion = 6 };
        Assert.Equal("Workflow.Stale", listing.TransitionTo(Published, Admin, DateTimeOffset.UtcNow, seenOlder, false)?.Key);
        Assert.Null(listing.TransitionTo(Published, Admin, DateTimeOffset.UtcNow, Review() with { SeenVersion = 7 }, false));
    }

    [Theory]
    [InlineData(Draft, false, null)]
    [InlineData(InReview, false, null)]
    [InlineData(Archived, false, null)]
    [InlineData(Published, false, "Workflow.CreateNeedsOverride")]
    [InlineData(Rejected, false, "Workflow.CreateNeedsOverride")]
    [InlineData(Published, true, null)]
    public void Listings_are_created_published_only_by_an_admin_override(CooperationStatus status, bool withOverride, string? expected)
    {
        var review = withOverride ? Review(@override: true, reason: "vetted by the report") : null;
        Assert.Equal(expected, Cooperation.CreationRefusal(status, Admin, review)?.Key);
        Assert.Equal("Workflow.CreateNeedsOverride", Cooperation.CreationRefusal(Published, Curator, Review(@override: true, reason: "x"))?.Key);
    }
}
