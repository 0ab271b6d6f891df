using KreativLand.Web.Domain;
using KreativLand.Web.Import;

namespace KreativLand.Web.Tests.Infrastructure;

/// <summary>How test data is imported: by the command line with a recorded override, as the sample data is (published listings included).</summary>
public static class TestImports
{
    public static readonly ImportOptions Seed = new(Actor.CommandLine, "test data", "Test data: loaded as published for the tests.");

    /// <summary>A curator's upload without override (the workflow applies).</summary>
    public static ImportOptions ByCurator(string name = "curator@example.org") => new(new Actor(name, IsAdmin: false), "upload.json");
}
