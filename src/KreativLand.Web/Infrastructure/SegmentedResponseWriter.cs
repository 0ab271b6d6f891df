using System.IO.Pipelines;
using Microsoft.AspNetCore.Http.Features;

namespace KreativLand.Web.Infrastructure;

/// <summary>
/// Hands a large body to the server in segments. The output cache stores a body as one piece and answers a hit with a
/// single write of all of it, so Kestrel buffers the whole body (6.7 MB for the map data at 50,000 listings) before it
/// applies back-pressure — per connection, as pinned memory-pool blocks. Written in segments of <see cref="SegmentBytes"/>,
/// each awaited, a response holds at most a segment plus Kestrel's own buffer, like a static file.
/// </summary>
public sealed class SegmentedResponseWriter(PipeWriter inner, int segmentBytes) : PipeWriter
{
    public int SegmentBytes { get; } = segmentBytes;

    public override async ValueTask<FlushResult> WriteAsync(ReadOnlyMemory<byte> source, CancellationToken cancellationToken = default)
    {
        FlushResult result = default;
        while (source.Length > SegmentBytes)
        {
            result = await inner.WriteAsync(source[..SegmentBytes], cancellationToken);
            if (result.IsCanceled || result.IsCompleted) return result;
            source = source[SegmentBytes..];
        }
        return source.IsEmpty ? result : await inner.WriteAsync(source, cancellationToken);
    }

    public override void Advance(int bytes) => inner.Advance(bytes);
    public override Memory<byte> GetMemory(int sizeHint = 0) => inner.GetMemory(sizeHint);
    public override Span<byte> GetSpan(int sizeHint = 0) => inner.GetSpan(sizeHint);
    public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default) => inner.FlushAsync(cancellationToken);
    public override void CancelPendingFlush() => inner.CancelPendingFlush();
    public override void Complete(Exception? exception = null) => inner.Complete(exception);
    public override ValueTask CompleteAsync(Exception? exception = null) => inner.CompleteAsync(exception);
    public override bool CanGetUnflushedBytes => inner.CanGetUnflushedBytes;
    public override long UnflushedBytes => inner.UnflushedBytes;

    /// <summary>Puts the writer under everything that follows in the pipeline (0 or less: leaves the response as it is).</summary>
    public static IApplicationBuilder UseSegmentedResponses(IApplicationBuilder app, int segmentBytes) => segmentBytes <= 0 ? app : app.Use((context, next) =>
    {
        var feature = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        context.Features.Set<IHttpResponseBodyFeature>(new Feature(feature, new SegmentedResponseWriter(feature.Writer, segmentBytes)));
        return next(context);
    });

    private sealed class Feature(IHttpResponseBodyFeature inner, PipeWriter writer) : IHttpResponseBodyFeature
    {
        public Stream Stream => inner.Stream;
        public PipeWriter Writer => writer;
        public void DisableBuffering() => inner.DisableBuffering();
        public Task StartAsync(CancellationToken cancellationToken = default) => inner.StartAsync(cancellationToken);
        public Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default) =>
            inner.SendFileAsync(path, offset, count, cancellationToken);
        public Task CompleteAsync() => inner.CompleteAsync();
    }
}
