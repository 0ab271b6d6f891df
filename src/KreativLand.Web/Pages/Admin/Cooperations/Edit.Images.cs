using KreativLand.Web.Media;
using Microsoft.AspNetCore.Mvc;

namespace KreativLand.Web.Pages.Admin.Cooperations;

// The editor's image upload: the script sends a chosen file here at once and puts the answer's site path into the row's
// address field, whose thumbnail then shows it. The row itself is saved with the form like any other. A picture given by
// web address can be copied into the store the same way (the profile shows only the site's own images).
public partial class EditModel
{
    /// <summary>Stores one JPEG, PNG or WebP (checked by content) and answers its site path and thumbnail, or a 400 saying why not.</summary>
    public async Task<IActionResult> OnPostImageAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null) return ImageRefused(L["Editor.ImageMissing"].Value);
        await using var content = file.OpenReadStream();
        return ImageAnswer(await media.StoreAsync(content, cancellationToken));
    }

    /// <summary>Fetches a picture from a public https address into the store (MediaFetch guards the fetch), answering as an upload does.</summary>
    public async Task<IActionResult> OnPostImageFromAddressAsync(string? address, [FromServices] IHttpClientFactory clients, CancellationToken cancellationToken)
    {
        var (upload, refused) = await MediaFetch.CopyAsync(clients.CreateClient(MediaFetch.ClientName), media, address, cancellationToken);
        return refused switch
        {
            MediaFetch.Refusal.NotHttps => ImageRefused(L["Editor.ImageCopyNotHttps"].Value),
            MediaFetch.Refusal.NotPublic => ImageRefused(L["Editor.ImageCopyNotPublic"].Value),
            MediaFetch.Refusal.Failed => ImageRefused(L["Editor.ImageCopyFailed"].Value),
            _ => ImageAnswer(upload!),
        };
    }

    private IActionResult ImageAnswer(MediaUpload upload) => upload.Refused switch
    {
        null => new JsonResult(new { url = upload.Path, thumbnail = upload.ThumbnailPath }),
        MediaUpload.Refusal.TooLarge => ImageRefused(L["Editor.ImageTooLarge", media.MaxUploadText].Value),
        MediaUpload.Refusal.TooManyPixels => ImageRefused(L["Editor.ImageTooManyPixels"].Value),
        _ => ImageRefused(L["Editor.ImageNotAnImage"].Value),
    };

    private static JsonResult ImageRefused(string message) => new(new { error = message }) { StatusCode = StatusCodes.Status400BadRequest };
}
