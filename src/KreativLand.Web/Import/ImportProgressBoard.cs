using System.Collections.Concurrent;

namespace KreativLand.Web.Import;

/// <summary>
/// The progress of the uploads being imported on this instance, by the uploading user and the upload's id, for the
/// upload page to poll while it waits. In memory: a poll that reaches another instance sees nothing (the page then
/// only shows the upload's own progress), which is why it is kept out of the database.
/// </summary>
public sealed class ImportProgressBoard(TimeProvider clock)
{
    private static readonly TimeSpan KeptFor = TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<string, (ImportProgress Progress, DateTimeOffset At)> entries = new();

    /// <summary>Ids are made by the page (32 hex digits); anything else is not tracked.</summary>
    public static bool IsId(string? id) => id is { Length: 32 } && id.All(char.IsAsciiHexDigitLower);

    public IProgress<ImportProgress>? For(string user, string? id) => IsId(id) ? new Reporter(this, Key(user, id!)) : null;

    public ImportProgress? Get(string user, string? id) => IsId(id) && entries.TryGetValue(Key(user, id!), out var entry) ? entry.Progress : null;

    private static string Key(string user, string id) => user + "\n" + id;

    private void Set(string key, ImportProgress progress)
    {
        var now = clock.GetUtcNow();
        entries[key] = (progress, now);
        foreach (var (old, entry) in entries)
            if (now - entry.At > KeptFor) entries.TryRemove(old, out _);
    }

    private sealed class Reporter(ImportProgressBoard board, string key) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => board.Set(key, value);
    }
}
