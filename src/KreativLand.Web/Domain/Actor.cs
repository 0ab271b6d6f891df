using System.Security.Claims;

namespace KreativLand.Web.Domain;

/// <summary>Who changes a listing or partner: a signed-in account, the public submission form or the operator's command line.</summary>
public sealed record Actor(string Name, bool IsAdmin)
{
    /// <summary>The name the public submission form records in the history.</summary>
    public const string PublicSubmissionName = "public submission";

    public static Actor PublicSubmission { get; } = new(PublicSubmissionName, IsAdmin: false);

    /// <summary>The operator at the command line (./run.sh import, seed, generate): admin rights, as the one who runs the server.</summary>
    public static Actor CommandLine { get; } = new("command line", IsAdmin: true);

    public static Actor Of(ClaimsPrincipal user) =>
        new(user.Identity?.Name ?? throw new InvalidOperationException("not signed in"), user.IsInRole(Roles.Admin));
}

/// <summary>Why a change was refused: a resource key with its arguments, and the criteria that failed when that is the reason.</summary>
public sealed record Refusal(string Key, object[] Arguments, IReadOnlyList<string> FailingCriteria)
{
    public Refusal(string key, params object[] arguments) : this(key, arguments, []) { }

    /// <summary>Set with a criteria refusal when the four-eyes rule would refuse as well.</summary>
    public bool FourEyesToo { get; init; }
}

/// <summary>
/// What a review decision (publishing, approving a revision or a partner change) is checked against.
/// <paramref name="SeenVersion"/> is the version the reviewer had in front of them; null skips that check (imports).
/// </summary>
public sealed record ReviewDecision(
    IReadOnlyList<CriterionResult> Criteria,
    bool FourEyes,
    bool Override,
    string? Reason,
    uint? SeenVersion = null)
{
    public bool CriteriaPass => InclusionCriteria.AllPass(Criteria);
    public IReadOnlyList<string> FailingCriteria => Criteria.Where(c => c.Outcome != CriterionOutcome.Pass).Select(c => c.Key).ToList();
    public string? CleanReason => Reason.TrimOrNull();
}
