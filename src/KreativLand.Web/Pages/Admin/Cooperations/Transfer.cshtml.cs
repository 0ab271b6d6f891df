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
public class TransferModel(KreativLandDbContext db, CooperationImporter importer, ImportProgressBoard board, TimeProvider clock, IStringLocalizer<SharedResource> L) : PageModel
{
    /// <summary>Room for 50,000 listings (about 150 MB): the importer reads a file record by record, so its size costs disk, not memory.</summary>
    public const int MaxUploadBytes = 200 * 1024 * 1024;

    public ImportResult? Result { get; private set; }
    public string? FileName { get; private set; }
    /// <summary>An admin's reason to replace published listings at once (and create published ones) instead of revisions.</summary>
    [BindProperty] public string? OverrideReason { get; set; }
    /// <summary>Made for each upload form, so the page can ask how far the import of its file is (<see cref="OnGetProgress"/>).</summary>
    [BindProperty] public string? ImportId { get; set; }
    public string NewImportId { get; } = Guid.NewGuid().ToString("N");

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
            Cooperations = cooperations.Select(c => (CooperationRecord?)CooperationRecords.ToRecord(c)).ToList(),
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
        var options = new ImportOptions(Actor.Of(User), FileName, OverrideReason.TrimOrNull());
        Result = await importer.ImportAsync(stream, options, cancellationToken, board.For(User.Identity!.Name!, ImportId));
        return Page();
    }

    /// <summary>How far the import of this user's upload is, for the page's script to show while it waits; 204 before the first batch.</summary>
    public IActionResult OnGetProgress(string? id) => board.Get(User.Identity!.Name!, id) is { } progress
        ? new JsonResult(new
        {
            records = progress.Records,
            perSecond = Math.Round(progress.RecordsPerSecond),
            percent = progress.Length is > 0 ? (int)(100 * progress.BytesRead / progress.Length.Value) : (int?)null,
            secondsLeft = progress.TimeLeft is { } left ? (int)Math.Ceiling(left.TotalSeconds) : (int?)null,
        })
        : new NoContentResult();
}
