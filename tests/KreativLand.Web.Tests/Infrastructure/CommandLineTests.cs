using KreativLand.Web.Infrastructure;

namespace KreativLand.Web.Tests.Infrastructure;

public class CommandLineTests
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
}
