using System.IO.Pipelines;
using KreativLand.Web.Infrastructure;

namespace KreativLand.Web.Tests.Infrastructure;

public class SegmentedResponseWriterTests
{
    [Fact]
    public async Task A_large_body_reaches_the_server_in_awaited_segments_with_every_byte_in_order()
    {
        var body = new byte[200_000];
        Random.Shared.NextBytes(body);
        var server = new RecordingWriter();
        var writer = new SegmentedResponseWriter(server, 64 * 1024);

        await writer.WriteAsync(body);

        Assert.Equal([65_536, 65_536, 65_536, 3_392], server.Writes);
        Assert.Equal(body, server.Bytes.ToArray());
    }

    [Fact]
    public async Task A_small_body_is_one_write()
    {
        var server = new RecordingWriter();
        await new SegmentedResponseWriter(server, 64 * 1024).WriteAsync(new byte[100]);
        Assert.Equal([100], server.Writes);
    }

    /// <summary>What the server's pipe was given, write by write.</summary>
    private sealed class RecordingWriter : PipeWriter
    {
        public List<int> Writes { get; } = [];
        public MemoryStream Bytes { get; } = new();

        public override ValueTask<FlushResult> WriteAsync(ReadOnlyMemory<byte> source, CancellationToken cancellationToken = default)
        {
            Writes.Add(source.Length);
            Bytes.Write(source.Span);
            return ValueTask.FromResult(new FlushResult(isCanceled: false, isCompleted: false));
        }

        public override void Advance(int bytes) => throw new NotSupportedException();
        public override Memory<byte> GetMemory(int sizeHint = 0) => throw new NotSupportedException();
        public override Span<byte> GetSpan(int sizeHint = 0) => throw new NotSupportedException();
        public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(default(FlushResult));
        public override void CancelPendingFlush() { }
        public override void Complete(Exception? exception = null) { }
    }
}
