namespace KreativLand.Web.Tests.Infrastructure;

/// <summary>The site over the purpose-made TestData/basic.json set.</summary>
public class BasicDataWebFixture : WebFixture
{
    protected override string? DataSet => "basic";

    protected override Task SeedAsync() => ImportFileAsync(Path.Combine(AppContext.BaseDirectory, "TestData", "basic.json"));
}

public class BasicDataBrowserFixture : BasicDataWebFixture
{
    protected override bool UseRealServer => true;
}

/// <summary>One site over TestData/basic.json for every class that only reads (see <see cref="WebFixture.Shared"/>).</summary>
public sealed class SharedBasicDataWebFixture : BasicDataWebFixture
{
    protected override bool Shared => true;
}

/// <summary>One site over TestData/basic.json on a real port for every browser class that only reads.</summary>
public sealed class SharedBasicDataBrowserFixture : BasicDataBrowserFixture
{
    protected override bool Shared => true;
}
