using KreativLand.Web.Domain;
using static KreativLand.Web.Domain.CooperationStatus;

namespace KreativLand.Web.Tests.Domain;

public class WorkflowTests
{
    [Theory]
    [InlineData(Draft, InReview)]
    [InlineData(Submitted, InReview)]
    [InlineData(InReview, Published)]
    [InlineData(Published, Archived)]
    [InlineData(Archived, Draft)]
    public void Allowed_transitions_pass(CooperationStatus from, CooperationStatus to) =>
        Assert.Null(Workflow.Refusal(from, to, criteriaPass: true, isAdmin: false, overrideCriteria: false, reason: null));

    [Theory]
    [InlineData(Draft, Published)]
    [InlineData(Submitted, Published)]
    [InlineData(Archived, Published)]
    [InlineData(Rejected, Published)]
    [InlineData(Draft, Submitted)]
    public void Skipping_the_review_is_refused(CooperationStatus from, CooperationStatus to) =>
        Assert.Equal("Workflow.NotAllowed", Workflow.Refusal(from, to, true, true, false, null));

    [Fact]
    public void Rejecting_needs_a_reason()
    {
        Assert.Equal("Workflow.RejectReasonRequired", Workflow.Refusal(InReview, Rejected, true, false, false, " "));
        Assert.Null(Workflow.Refusal(InReview, Rejected, true, false, false, "not a rural cooperation"));
    }

    [Fact]
    public void Publishing_with_a_failing_criterion_needs_an_admin_override_with_a_reason()
    {
        Assert.Equal("Workflow.CriteriaNotMet", Workflow.Refusal(InReview, Published, false, true, false, null));
        Assert.Equal("Workflow.OverrideAdminOnly", Workflow.Refusal(InReview, Published, false, false, true, "because"));
        Assert.Equal("Workflow.OverrideReasonRequired", Workflow.Refusal(InReview, Published, false, true, true, ""));
        Assert.Null(Workflow.Refusal(InReview, Published, false, true, true, "town merged in 2024; village itself has 3,000"));
    }

    [Fact]
    public void A_reason_over_the_limit_is_refused_at_the_boundary()
    {
        Assert.Null(Workflow.Refusal(InReview, Rejected, true, false, false, new string('x', Workflow.MaxReasonLength)));
        Assert.Equal("Workflow.ReasonTooLong", Workflow.Refusal(InReview, Rejected, true, false, false, new string('x', Workflow.MaxReasonLength + 1)));
    }
}
