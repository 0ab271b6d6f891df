using System.Text.Json;
using KreativLand.Web.Data;
using KreativLand.Web.Domain;
using KreativLand.Web.Import;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace KreativLand.Web.Pages.Admin.Cooperations;

/// <summary>Upload of an import file (the same importer and validator as ./run.sh import) and download of all listings in that format.</summary>
[RequestSizeLimit(MaxUploadBytes + 64 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxUploadBytes + 64 * 1024)]
public class TransferModel(KreativLandDbContext db, CooperationImporter importer, TimeProvider clock, IStringLocalizer<SharedResource> L) : PageModel
{
    public const int MaxUploadBytes = 20 * 1024 * 1024;

    public ImportResult? Result { get; private set; }
    public string? FileName { get; private set; }
    /// <summary>An admin's reason to replace published listings at once (and create published ones) instead of revisions.</summary>
    [BindProperty] public string? OverrideReason { get; set; }

    private static readonly JsonSerializerOptions ExportOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public void OnGet() { }

    public async Task<IActionResult> OnGetDownloadAsync(CancellationToken cancellationToken)
    {
        var cooperations = await db.Cooperations.AsNoTracking()
            .Include(c => c.Partners).ThenInclude(p => p.Partner)
            .AsSplitQuery()
            .OrderBy(c => c.Slug)
            .ToListAsync(cancellationToken);
        var file = new ImportFile
        {
            FormatVersion = CooperationImporter.SupportedFormatVersion,
            Comment = $"KreativLand export of {cooperations.Count} listings, {clock.GetUtcNow():yyyy-MM-dd HH:mm} UTC",
            Cooperations = cooperations.Select(c => (ImportCooperation?)CooperationExport.ToRecord(c)).ToList(),
        };
        var bytes = JsonSerializer.SerializeToUtf8Bytes(file, ExportOptions);
        return File(bytes, "application/json", $"kreativland-{clock.GetUtcNow():yyyy-MM-dd}.json");
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? upload, CancellationToken cancellationToken)
    {
        if (upload is null || upload.Length == 0)
        {
            Result = ImportResult.Failed(L["ImportMessage.NoFileChosen"]);
            return Page();
        }
        FileName = Path.GetFileName(upload.FileName);
        if (upload.Length > MaxUploadBytes)
        {
            Result = ImportResult.Failed(L["ImportMessage.FileTooLarge", MaxUploadBytes / 1024 / 1024]);
            return Page();
        }
        await using var stream = upload.OpenReadStream();
        var options = new ImportOptions(Actor.Of(User), FileName, string.IsNullOrWhiteSpace(OverrideReason) ? null : OverrideReason.Trim());
        Result = await importer.ImportAsync(stream, options, cancellationToken);
        return Page();
    }
}
