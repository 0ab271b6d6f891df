namespace KreativLand.Web.Import;

/// <summary>
/// A problem the validator found: its SharedResource key and arguments. A record's problems name their field first,
/// by its JSON path ("partners[0].employees"), so the editor can show its own label and text for it instead.
/// </summary>
public sealed record ImportProblem(string Key, object?[] Arguments)
{
    /// <summary>The field's JSON path (a record's problems; file-level ones have no field).</summary>
    public string Field => Arguments.Length > 0 ? Arguments[0] as string ?? "" : "";

    /// <summary>The message in the current UI culture, e.g. "startYear must be between 1900 and 2100".</summary>
    public string Message => ImportMessages.Current[Key, Arguments];

    public override string ToString() => Message;

    /// <summary>Makes problems the way a message lookup reads (a field named L, a literal key, then the field and arguments), so the resource test sees their keys.</summary>
    public sealed class Factory
    {
        public ImportProblem this[string key, params object?[] arguments] => new(key, arguments);
    }
}
