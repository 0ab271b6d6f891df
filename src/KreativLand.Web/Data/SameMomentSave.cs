using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace KreativLand.Web.Data;

/// <summary>A save that another save at the very same moment can overtake (a curator's or an admin's; the pages that use it say what they tell them).</summary>
public static class SameMomentSave
{
    /// <summary>
    /// Stores the tracked changes. False when another save committed between this request's read and its write: a row's
    /// version no longer matches, or <paramref name="uniqueIndex"/> refused a row because the other save added its twin
    /// first. The transaction is rolled back, nothing is stored.
    /// </summary>
    public static async Task<bool> SavedUnlessOvertakenAsync(this KreativLandDbContext db, CancellationToken cancellationToken,
        string? uniqueIndex = null)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
        catch (DbUpdateException exception) when (uniqueIndex is not null && exception.InnerException is PostgresException
            { SqlState: PostgresErrorCodes.UniqueViolation } violation && violation.ConstraintName == uniqueIndex)
        {
            return false;
        }
    }
}
