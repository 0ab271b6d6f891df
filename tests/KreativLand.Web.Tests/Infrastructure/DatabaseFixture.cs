using KreativLand.Web.Data;

namespace KreativLand.Web.Tests.Infrastructure;

/// <summary>A migrated database of the test class's own.</summary>
public class DatabaseFixture : IAsyncLifetime
{
    public string DatabaseName { get; private set; } = "";
    public string ConnectionString => TestDatabase.ConnectionStringFor(DatabaseName);

    public KreativLandDbContext OpenContext() => TestDatabase.OpenContext(DatabaseName);

    public virtual async Task InitializeAsync() => DatabaseName = await TestDatabase.CreateAsync();

    public virtual async Task DisposeAsync() => await TestDatabase.DropAsync(DatabaseName);
}
