using System.Text.Json;

namespace KreativLand.Web.Import;

/// <summary>
/// Reads an import file record by record, so a file of 50,000 listings never sits in memory as a whole: the header
/// (<c>formatVersion</c>, <c>$schema</c>, <c>$comment</c>) is read as it comes, each record of <c>cooperations</c> is
/// deserialized on its own from a sliding buffer. JSON problems are thrown as <see cref="JsonException"/> with the path and
/// line in the whole file (as deserializing the whole file would have), so messages stay the same.
/// </summary>
public sealed class ImportFileReader(Stream stream, JsonSerializerOptions recordOptions)
{
    public const int InitialBufferSize = 64 * 1024;
    private static readonly JsonReaderOptions ReaderOptions = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 };

    public int? FormatVersion { get; private set; }
    /// <summary>Whether the file has a <c>cooperations</c> list (null when it is missing or null).</summary>
    public bool SawCooperations { get; private set; }
    /// <summary>How far the file has been read, for progress (bytes; <see cref="Length"/> when known).</summary>
    public long Position { get; private set; }
    public long? Length { get; } = stream.CanSeek ? stream.Length : null;

    /// <summary>The buffer's size now: it grows only for a single record larger than it.</summary>
    public int BufferLength => buffer.Length;

    private enum Where { Start, TopLevel, Records, End }

    private byte[] buffer = new byte[InitialBufferSize];
    private int start, end;
    private bool finalBlock;
    private JsonReaderState state = new(ReaderOptions);
    private Where where = Where.Start;
    private string? pendingProperty;
    private int recordIndex;
    // Line counting for records: lines of the bytes before buffer[0], and of buffer[start..countedTo).
    private long linesBefore;
    private int countedTo;
    private long linesCounted;

    /// <summary>The records in file order (null for a <c>null</c> entry). Stops at the end of the file's object.</summary>
    public async IAsyncEnumerable<CooperationRecord?> RecordsAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var found = new List<CooperationRecord?>();
        while (where != Where.End)
        {
            var needMore = Step(found);
            foreach (var record in found) yield return record;
            found.Clear();
            if (where == Where.End) break;
            if (needMore)
            {
                if (finalBlock) throw Invalid("$", "The file ends before its JSON is complete.");
                await FillAsync(cancellationToken);
            }
        }
    }

    /// <summary>Reads tokens from the buffer; returns true when more bytes are needed to go on.</summary>
    private bool Step(List<CooperationRecord?> found)
    {
        var reader = new Utf8JsonReader(buffer.AsSpan(start, end - start), finalBlock, state);
        while (true)
        {
            var checkpoint = reader.CurrentState;
            var consumedBefore = (int)reader.BytesConsumed;
            if (!reader.Read())
            {
                Advance(consumedBefore, checkpoint);
                return true;
            }
            switch (where)
            {
                case Where.Start:
                    if (reader.TokenType != JsonTokenType.StartObject) throw WrongType("$");
                    where = Where.TopLevel;
                    break;
                case Where.TopLevel when pendingProperty is null:
                    if (reader.TokenType == JsonTokenType.EndObject) { where = Where.End; Advance((int)reader.BytesConsumed, reader.CurrentState); return false; }
                    pendingProperty = reader.GetString();
                    if (pendingProperty is not ("formatVersion" or "cooperations" or "$schema" or "$comment"))
                        throw new JsonException($"The JSON property '{pendingProperty}' could not be mapped to any .NET member.", "$." + pendingProperty, null, null);
                    break;
                case Where.TopLevel:
                    var property = pendingProperty!;
                    pendingProperty = null;
                    if (property == "cooperations")
                    {
                        if (reader.TokenType == JsonTokenType.StartArray) { SawCooperations = true; where = Where.Records; }
                        else if (reader.TokenType != JsonTokenType.Null) throw WrongType("$.cooperations");
                    }
                    else if (property == "formatVersion")
                    {
                        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var version)) FormatVersion = version;
                        else if (reader.TokenType != JsonTokenType.Null) throw WrongType("$.formatVersion");
                    }
                    else if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.Null)) throw WrongType("$." + property);
                    break;
                case Where.Records:
                    if (reader.TokenType == JsonTokenType.EndArray) { where = Where.TopLevel; break; }
                    var elementStart = (int)reader.TokenStartIndex;
                    if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && !reader.TrySkip())
                    {
                        // The record is not all in the buffer yet: read it again from its start after the next fill.
                        Advance(consumedBefore, checkpoint);
                        return true;
                    }
                    var bytes = buffer.AsSpan(start + elementStart, (int)reader.BytesConsumed - elementStart);
                    found.Add(Deserialize(bytes, start + elementStart));
                    recordIndex++;
                    break;
            }
        }
    }

    private CooperationRecord? Deserialize(ReadOnlySpan<byte> bytes, int offset)
    {
        try
        {
            return JsonSerializer.Deserialize<CooperationRecord?>(bytes, recordOptions);
        }
        catch (JsonException exception)
        {
            var path = $"$.cooperations[{recordIndex}]" + (exception.Path is { Length: > 1 } inner ? inner[1..] : "");
            var line = LineAt(offset) + (exception.LineNumber ?? 0);
            throw new JsonException(exception.Message, path, line, exception.BytePositionInLine, exception);
        }
    }

    /// <summary>The 0-based line of buffer[offset] in the whole file.</summary>
    private long LineAt(int offset)
    {
        if (offset < countedTo) { countedTo = 0; linesCounted = 0; }
        linesCounted += buffer.AsSpan(countedTo, offset - countedTo).Count((byte)'\n');
        countedTo = offset;
        return linesBefore + linesCounted;
    }

    private void Advance(int consumed, JsonReaderState newState)
    {
        start += consumed;
        state = newState;
    }

    private async Task FillAsync(CancellationToken cancellationToken)
    {
        // Keep the unread bytes, moved to the front; grow the buffer when a single record fills it.
        linesBefore += buffer.AsSpan(0, start).Count((byte)'\n');
        var unread = end - start;
        if (unread == buffer.Length)
        {
            var bigger = new byte[buffer.Length * 2];
            buffer.AsSpan(start, unread).CopyTo(bigger);
            buffer = bigger;
        }
        else buffer.AsSpan(start, unread).CopyTo(buffer);
        start = 0;
        end = unread;
        countedTo = 0;
        linesCounted = 0;
        var read = await stream.ReadAsync(buffer.AsMemory(end), cancellationToken);
        if (read == 0) finalBlock = true;
        end += read;
        Position += read;
    }

    private static JsonException WrongType(string path) => new("The JSON value could not be converted to the import format.", path, null, null);

    private static JsonException Invalid(string path, string message) => new(message, path, null, null);
}
