using KreativLand.Web.Domain;
using Microsoft.Extensions.Localization;

namespace KreativLand.Web.Curation;

/// <summary>Criteria results and workflow refusals in the reader's language.</summary>
public static class CriteriaText
{
    /// <summary>The reason of a result, followed by its note (e.g. where the threshold comes from).</summary>
    public static string Reason(CriterionResult result, IStringLocalizer L)
    {
        var reason = L[result.ReasonKey, result.Arguments].Value;
        return result.NoteKey is null ? reason : $"{reason} ({L[result.NoteKey].Value})";
    }

    /// <summary>Why a decision was refused, naming each criterion that is not met and the four-eyes rule when it applies too.</summary>
    public static string Refusal(Refusal refusal, IStringLocalizer L) => Refusal(refusal, (key, arguments) => L[key, arguments].Value);

    /// <summary>The same from another text source: the importer's static messages (<see cref="Import.ImportMessages"/>).</summary>
    public static string Refusal(Refusal refusal, Func<string, object[], string> text)
    {
        var message = text(refusal.Key, refusal.Arguments);
        if (refusal.FailingCriteria.Count > 0)
            message += " " + text("Workflow.FailingCriteria", [string.Join(", ", refusal.FailingCriteria.Select(key => text("Criteria." + key, [])))]);
        if (refusal.FourEyesToo) message += " " + text("Workflow.FourEyes", []);
        return message;
    }
}
