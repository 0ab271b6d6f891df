using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace KreativLand.Web.Media;

public sealed class MediaOptions
{
    public const string Section = "Media";
    /// <summary>Where uploaded images are kept, outside wwwroot; relative to the content root. Several instances share one volume.</summary>
    public string? Directory { get; set; }
    /// <summary>The largest file a curator may upload.</summary>
    public long MaxUploadBytes { get; set; } = 10 * 1024 * 1024;
    /// <summary>The most pixels an upload may decode to (a small file can claim a huge picture).</summary>
    public long MaxPixels { get; set; } = 50_000_000;
}

/// <summary>What became of an upload: the site path of its web size and thumbnail, or why it was refused.</summary>
public sealed record MediaUpload(string? Path, string? ThumbnailPath, MediaUpload.Refusal? Refused)
{
    public enum Refusal { TooLarge, NotAnImage, TooManyPixels }
    public bool Stored => Refused is null;
}

/// <summary>
/// Uploaded images: JPEG, PNG or WebP as the decoder reads them (never by name or declared type), decoded once and
/// re-encoded as WebP in web sizes and a thumbnail, so nothing of the original file is served (no EXIF, no GPS, no
/// trailing script). Names are the first 128 bits of the original's SHA-256: stable for the same file, not guessable,
/// and the only names the store opens (<see cref="FileOf"/>), so no path leads outside its directory.
/// </summary>
public sealed partial class MediaStore
{
    /// <summary>The path under which the site serves the store (Media/MediaEndpoint).</summary>
    public const string PathPrefix = "/media/";
    public const string ContentType = "image/webp";

    /// <summary>File suffix and longest side of each size: the web size (the path stored in a listing), a smaller one for phones, the thumbnail.</summary>
    public static readonly (string Suffix, int LongestSide)[] Sizes = [("", 1600), ("-800", 800), ("-thumb", 320)];
    private const int Quality = 82;

    private readonly MediaOptions options;

    public MediaStore(IOptions<MediaOptions> options, IWebHostEnvironment environment)
    {
        this.options = options.Value;
        Directory = Path.GetFullPath(string.IsNullOrWhiteSpace(this.options.Directory) ? Path.Combine("App_Data", "media") : this.options.Directory,
            environment.ContentRootPath);
    }

    public string Directory { get; }
    public long MaxUploadBytes => options.MaxUploadBytes;

    /// <summary>The limit as people read it: "10 MB", "300 KB".</summary>
    public string MaxUploadText => MaxUploadBytes >= 1024 * 1024
        ? (MaxUploadBytes / (1024d * 1024)).ToString("0.#", CultureInfo.CurrentCulture) + " MB"
        : Math.Ceiling(MaxUploadBytes / 1024d).ToString(CultureInfo.CurrentCulture) + " KB";

    [GeneratedRegex(@"^(?<name>[0-9a-f]{32})(?<size>-800|-thumb)?\.webp$", RegexOptions.CultureInvariant)]
    private static partial Regex FileName();

    /// <summary>Whether the text has the form of a stored image's site path ("/media/0123….webp"); says nothing of existence.</summary>
    public static bool IsSitePath(string? path) =>
        path is not null && path.StartsWith(PathPrefix, StringComparison.Ordinal) && FileName().IsMatch(path[PathPrefix.Length..]);

    /// <summary>The thumbnail's site path of a stored image's path, else null (a web address).</summary>
    public static string? ThumbnailOf(string? path) => IsSitePath(path) ? path![..^".webp".Length].Replace("-800", "").Replace("-thumb", "") + "-thumb.webp" : null;

    /// <summary>The smaller web size's site path of a stored image's path, else null.</summary>
    public static string? SmallOf(string? path) => IsSitePath(path) ? path![..^".webp".Length].Replace("-800", "").Replace("-thumb", "") + "-800.webp" : null;

    /// <summary>Whether a site path names an image in this store.</summary>
    public bool Exists(string? sitePath) => IsSitePath(sitePath) && FileOf(sitePath![PathPrefix.Length..]) is { } file && File.Exists(file);

    /// <summary>The file of a served name, or null for any name the store never writes (no separators, no dots but the one).</summary>
    public string? FileOf(string name) => FileName().IsMatch(name) ? Path.Combine(Directory, name) : null;

    /// <summary>Reads at most the limit, checks, re-encodes and stores every size; a refused or failed upload leaves nothing behind.</summary>
    public async Task<MediaUpload> StoreAsync(Stream content, CancellationToken cancellationToken)
    {
        var bytes = await ReadAtMostAsync(content, MaxUploadBytes, cancellationToken);
        if (bytes is null) return new(null, null, MediaUpload.Refusal.TooLarge);
        var name = Convert.ToHexStringLower(SHA256.HashData(bytes))[..32];
        var path = PathPrefix + name + ".webp";
        if (File.Exists(Path.Combine(Directory, name + ".webp"))) return new(path, ThumbnailOf(path), null);

        using var codec = bytes.Length == 0 ? null : SKCodec.Create(new SKMemoryStream(bytes));
        if (codec is null || codec.EncodedFormat is not (SKEncodedImageFormat.Jpeg or SKEncodedImageFormat.Png or SKEncodedImageFormat.Webp))
            return new(null, null, MediaUpload.Refusal.NotAnImage);
        if ((long)codec.Info.Width * codec.Info.Height > options.MaxPixels) return new(null, null, MediaUpload.Refusal.TooManyPixels);

        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Premul, SKColorSpace.CreateSrgb());
        using var decoded = new SKBitmap(info);
        // A truncated or corrupt file is refused rather than stored half grey.
        if (codec.GetPixels(info, decoded.GetPixels()) != SKCodecResult.Success) return new(null, null, MediaUpload.Refusal.NotAnImage);
        using var upright = Upright(decoded, codec.EncodedOrigin);

        System.IO.Directory.CreateDirectory(Directory);
        var written = new List<string>();
        try
        {
            // Largest first, each smaller size from the one before (less aliasing); the web size, whose existence is what
            // Exists checks, is moved into place last, so a half-written set is never visible.
            var encoded = new List<(string File, byte[] Data)>();
            var source = upright;
            var owned = new List<SKBitmap>();
            try
            {
                foreach (var (suffix, longest) in Sizes)
                {
                    source = Fit(source, longest, owned);
                    using var image = SKImage.FromBitmap(source);
                    using var data = image.Encode(SKEncodedImageFormat.Webp, Quality)
                        ?? throw new InvalidOperationException("WebP encoding failed");
                    encoded.Add((Path.Combine(Directory, name + suffix + ".webp"), data.ToArray()));
                }
            }
            finally { owned.ForEach(b => b.Dispose()); }
            foreach (var (file, data) in encoded.AsEnumerable().Reverse())
            {
                var temporary = Path.Combine(Directory, $".upload-{Guid.NewGuid():N}.tmp");
                written.Add(temporary);
                await File.WriteAllBytesAsync(temporary, data, cancellationToken);
                File.Move(temporary, file, overwrite: true);
                written[^1] = file;
            }
            return new(path, ThumbnailOf(path), null);
        }
        catch
        {
            foreach (var file in written) File.Delete(file);
            throw;
        }
    }

    private static async Task<byte[]?> ReadAtMostAsync(Stream content, long limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    /// <summary>The picture scaled down so its longest side is at most <paramref name="longest"/> (never up).</summary>
    private static SKBitmap Fit(SKBitmap source, int longest, List<SKBitmap> owned)
    {
        var scale = Math.Min(1d, (double)longest / Math.Max(source.Width, source.Height));
        if (scale >= 1) return source;
        var size = new SKImageInfo(Math.Max(1, (int)Math.Round(source.Width * scale)), Math.Max(1, (int)Math.Round(source.Height * scale)),
            source.ColorType, source.AlphaType, source.ColorSpace);
        var resized = source.Resize(size, new SKSamplingOptions(SKCubicResampler.Mitchell)) ?? throw new InvalidOperationException("resize failed");
        owned.Add(resized);
        return resized;
    }

    /// <summary>
    /// Cameras store a photo as the sensor saw it plus an EXIF orientation; the re-encoded file has no EXIF, so the
    /// rotation is applied to the pixels.
    /// </summary>
    private static SKBitmap Upright(SKBitmap source, SKEncodedOrigin origin)
    {
        if (origin == SKEncodedOrigin.TopLeft) return source.Copy();
        var turned = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var (width, height) = turned ? (source.Height, source.Width) : (source.Width, source.Height);
        var result = new SKBitmap(new SKImageInfo(width, height, source.ColorType, source.AlphaType, source.ColorSpace));
        using var canvas = new SKCanvas(result);
        canvas.Translate(width / 2f, height / 2f);
        // Calls apply to the picture in reverse order: the last call acts first.
        switch (origin)
        {
            case SKEncodedOrigin.TopRight: canvas.Scale(-1, 1); break;
            case SKEncodedOrigin.BottomRight: canvas.RotateDegrees(180); break;
            case SKEncodedOrigin.BottomLeft: canvas.Scale(1, -1); break;
            case SKEncodedOrigin.LeftTop: canvas.Scale(-1, 1); canvas.RotateDegrees(90); break;
            case SKEncodedOrigin.RightTop: canvas.RotateDegrees(90); break;
            case SKEncodedOrigin.RightBottom: canvas.Scale(1, -1); canvas.RotateDegrees(90); break;
            case SKEncodedOrigin.LeftBottom: canvas.RotateDegrees(270); break;
        }
        canvas.Translate(-source.Width / 2f, -source.Height / 2f);
        canvas.DrawBitmap(source, 0, 0);
        return result;
    }
}
