namespace KreativLand.Web.Tests.Infrastructure;

/// <summary>The site over the purpose-made TestData/basic.json set.</summary>
public class BasicDataWebFixture : WebFixture
{
    protected override Task SeedAsync() => ImportFileAsync(Path.Combine(AppContext.BaseDirectory, "TestData", "basic.json"));
}

public class BasicDataBrowserFixture : BasicDataWebFixture
{
    protected override bool UseRealServer => true;
}
