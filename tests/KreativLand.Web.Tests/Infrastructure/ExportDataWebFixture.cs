namespace KreativLand.Web.Tests.Infrastructure;

/// <summary>The map test data plus one listing whose texts a spreadsheet would run as formulas (TestData/exports.json).</summary>
public class ExportDataWebFixture : MapDataWebFixture
{
    protected override async Task SeedAsync()
    {
        await base.SeedAsync();
        await ImportFileAsync(Path.Combine(AppContext.BaseDirectory, "TestData", "exports.json"));
    }
}
