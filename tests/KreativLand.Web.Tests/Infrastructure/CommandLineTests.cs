using System.Globalization;
using KreativLand.Web.Infrastructure;
using Microsoft.AspNetCore.Builder;

namespace KreativLand.Web.Tests.Infrastructure;

public class CommandLineTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    [Theory]
    [InlineData(new string[0], new string[0])]
    // run.sh serves with --urls and a separate value: that value is no verb.
    [InlineData(new[] { "--urls", "http://127.0.0.1:5091" }, new string[0])]
    [InlineData(new[] { "--urls=http://127.0.0.1:5091", "ConnectionStrings:KreativLand=Host=x" }, new string[0])]
    [InlineData(new[] { "migrate" }, new[] { "migrate" })]
    [InlineData(new[] { "--environment", "Production", "seed" }, new[] { "seed" })]
    [InlineData(new[] { "import", "/tmp/file.json", "--urls", "http://127.0.0.1:1" }, new[] { "import", "/tmp/file.json" })]
    public void Verbs_are_what_remains_after_configuration_switches(string[] args, string[] expected) =>
        Assert.Equal(expected, CommandLine.Verbs(args));

    [Fact]
    public void Import_progress_is_printed_from_the_first_report_on_and_at_most_once_a_second()
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        var printer = new ImportProgressPrinter(output);
        printer.Report(new KreativLand.Web.Import.ImportProgress(500, 1_000, 100_000, TimeSpan.FromSeconds(0.5)));
        printer.Report(new KreativLand.Web.Import.ImportProgress(700, 1_400, 100_000, TimeSpan.FromSeconds(1.2)));
        printer.Report(new KreativLand.Web.Import.ImportProgress(1_000, 2_000, 100_000, TimeSpan.FromSeconds(1.6)));
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("500 records read, 1,000/s, 1% of the file", lines[0]);
        Assert.StartsWith("1,000 records read", lines[1]);
    }

    [Fact]
    public async Task Import_reports_in_English_even_on_a_German_machine()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration["ConnectionStrings:KreativLand"] = database.ConnectionString;
        builder.AddKreativLand();
        await using var app = builder.Build();
        var file = Path.Combine(Path.GetTempPath(), $"kl-cli-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, """{ "formatVersion": 1, "cooperations": [ { "slug": "cli-bad" } ] }""");

        var culture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("de-DE");
        var error = Console.Error;
        using var captured = new StringWriter();
        Console.SetError(captured);
        try { Assert.Equal(1, await CommandLine.TryRunAsync(app, ["import", file])); }
        finally
        {
            Console.SetError(error);
            CultureInfo.CurrentUICulture = culture;
            File.Delete(file);
        }
        Assert.Contains("record 1 (slug \"cli-bad\"): title needs a German or an English text", captured.ToString());
        Assert.DoesNotContain("Datensatz", captured.ToString());
    }
}
