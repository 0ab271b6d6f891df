namespace KreativLand.Web.Tests.Infrastructure;

/// <summary>The map test data plus one listing whose texts a spreadsheet would run as formulas (TestData/exports.json).</summary>
public class ExportDataWebFixture : MapDataWebFixture
{
    protected override string? DataSet => "exports";

    protected override async Task SeedAsync()
    {
        await base.SeedAsync();
        await ImportFileAsync(Path.Combine(AppContext.BaseDirectory, "TestData", "exports.json"));
    }
}

/// <summary>One site over the export test data for every class that only reads (see <see cref="WebFixture.Shared"/>).</summary>
public sealed class SharedExportDataWebFixture : ExportDataWebFixture
{
    protected override bool Shared => true;
}
