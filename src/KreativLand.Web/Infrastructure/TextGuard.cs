using System.Collections;
using System.Reflection;
using System.Text;

namespace KreativLand.Web.Infrastructure;

/// <summary>
/// The one rule for text anyone sends the site (query values, form fields, the editor, the submission form, import files):
/// no NUL or other control characters except tab and line breaks (C0, DEL, C1), no lone surrogates, no U+FFFD (what a
/// decoder puts where the bytes were not valid UTF-8) and no non-characters U+FFFE/U+FFFF. Everything else is allowed,
/// characters outside the Basic Multilingual Plane (emoji) and right-to-left or zero-width marks included: output is encoded.
/// </summary>
public static class TextGuard
{
    public enum Problem { None, ControlCharacter, InvalidEncoding }

    public static Problem Check(string? value)
    {
        if (string.IsNullOrEmpty(value)) return Problem.None;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c < ' ') { if (c is not ('\t' or '\n' or '\r')) return Problem.ControlCharacter; continue; }
            if (c < '\u007F') continue;
            if (c is >= '\u007F' and <= '\u009F') return Problem.ControlCharacter;
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])) { i++; continue; }
                return Problem.InvalidEncoding;
            }
            if (char.IsLowSurrogate(c) || c is '\uFFFD' or '\uFFFE' or '\uFFFF') return Problem.InvalidEncoding;
        }
        return Problem.None;
    }

    public static bool IsAcceptable(string? value) => Check(value) == Problem.None;

    /// <summary>
    /// Every string in an object graph (an import record) that breaks the rule, by its JSON path in camelCase, e.g.
    /// ("partners[1].name", ControlCharacter). Strings, nested objects and lists are walked; numbers and booleans are skipped.
    /// </summary>
    /// <remarks>
    /// Reflection on purpose: the record (<c>Import/CooperationRecord</c> and its part types) is plain JSON-shaped data
    /// with about fifty text fields, and the walk names them as the serializer does. A hand-written list of those fields
    /// would have to follow every change of the format, and a field it missed would skip the check without any sign — it
    /// would fail open. Forms never depend on this walk: their values are refused earlier, field by field, by
    /// <see cref="InputGuard"/>; it is the import file's (and the validator's) check.
    /// </remarks>
    public static IEnumerable<(string Path, Problem Problem)> Find(object? graph, string path = "")
    {
        switch (graph)
        {
            case null: yield break;
            case string text:
                if (Check(text) is not Problem.None and var problem) yield return (path, problem);
                yield break;
            case IEnumerable list:
                var index = 0;
                foreach (var item in list)
                {
                    foreach (var found in Find(item, $"{path}[{index}]")) yield return found;
                    index++;
                }
                yield break;
        }
        var type = graph.GetType();
        if (type.IsPrimitive || type.IsEnum || graph is decimal or DateTime or DateTimeOffset) yield break;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0) continue;
            var name = property.GetCustomAttribute<System.Text.Json.Serialization.JsonPropertyNameAttribute>()?.Name
                ?? System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            foreach (var found in Find(property.GetValue(graph), path.Length == 0 ? name : $"{path}.{name}")) yield return found;
        }
    }

    /// <summary>Makes any stored text safe for XML 1.0 (Atom, sitemap): characters XML cannot hold become U+FFFD.</summary>
    public static string ForXml(string text)
    {
        if (text.All(System.Xml.XmlConvert.IsXmlChar)) return text;
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { builder.Append(c).Append(text[++i]); continue; }
            builder.Append(System.Xml.XmlConvert.IsXmlChar(c) ? c : '\uFFFD');
        }
        return builder.ToString();
    }
}
