namespace KreativLand.Web.Tests.Infrastructure;

/// <summary>Finds files of the checkout for tests that read the source itself.</summary>
public static class SourceTree
{
    public static string Root { get; } = FindRoot();

    public static string WebProject => Path.Combine(Root, "src", "KreativLand.Web");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "KreativLand.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("KreativLand.sln not found above " + AppContext.BaseDirectory);
    }
}
