using KreativLand.Web.Media;
using Microsoft.AspNetCore.Mvc;

namespace KreativLand.Web.Pages.Admin.Cooperations;

// The editor's image upload: the script sends a chosen file here at once and puts the answer's site path into the row's
// address field, whose thumbnail then shows it. The row itself is saved with the form like any other.
public partial class EditModel
{
    /// <summary>Stores one JPEG, PNG or WebP (checked by content) and answers its site path and thumbnail, or a 400 saying why not.</summary>
    public async Task<IActionResult> OnPostImageAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null) return ImageRefused(L["Editor.ImageMissing"].Value);
        await using var content = file.OpenReadStream();
        var upload = await media.StoreAsync(content, cancellationToken);
        return upload.Refused switch
        {
            null => new JsonResult(new { url = upload.Path, thumbnail = upload.ThumbnailPath }),
            MediaUpload.Refusal.TooLarge => ImageRefused(L["Editor.ImageTooLarge", media.MaxUploadText].Value),
            MediaUpload.Refusal.TooManyPixels => ImageRefused(L["Editor.ImageTooManyPixels"].Value),
            _ => ImageRefused(L["Editor.ImageNotAnImage"].Value),
        };
    }

    private static JsonResult ImageRefused(string message) => new(new { error = message }) { StatusCode = StatusCodes.Status400BadRequest };
}
