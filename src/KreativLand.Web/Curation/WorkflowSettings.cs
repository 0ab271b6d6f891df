using KreativLand.Web.Data;
using KreativLand.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace KreativLand.Web.Curation;

/// <summary>The workflow's switches admins set at run time (site_settings).</summary>
public static class WorkflowSettings
{
    /// <summary>The four-eyes rule: on unless an admin switched it off.</summary>
    public static async Task<bool> FourEyesAsync(KreativLandDbContext db, CancellationToken cancellationToken) =>
        await db.SiteSettings.AsNoTracking().Where(s => s.Key == SiteSetting.FourEyesKey).Select(s => s.Value).SingleOrDefaultAsync(cancellationToken) != "off";

    public static async Task SetFourEyesAsync(KreativLandDbContext db, bool on, Actor actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var setting = await db.SiteSettings.SingleOrDefaultAsync(s => s.Key == SiteSetting.FourEyesKey, cancellationToken);
        if (setting is null) db.SiteSettings.Add(setting = new SiteSetting { Key = SiteSetting.FourEyesKey });
        setting.Value = on ? "on" : "off";
        setting.UpdatedBy = actor.Name;
        setting.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
    }
}
