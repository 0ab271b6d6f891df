using KreativLand.Web.Data;

namespace KreativLand.Web.Tests.Infrastructure;

/// <summary>A migrated database of the test class's own.</summary>
public class DatabaseFixture : IAsyncLifetime
{
    public string DatabaseName { get; protected set; } = "";

    /// <summary>False for a second site over another fixture's database (it neither creates nor drops it).</summary>
    protected virtual bool OwnsDatabase => true;
    public virtual string ConnectionString => TestDatabase.ConnectionStringFor(DatabaseName);

    /// <summary>A context on the class's database; on a site fixture, one whose writes evict the site's cache as any writer's do.</summary>
    public virtual KreativLandDbContext OpenContext() => TestDatabase.OpenContext(DatabaseName);

    public virtual async Task InitializeAsync()
    {
        if (OwnsDatabase) DatabaseName = await TestDatabase.CreateAsync();
    }

    public virtual async Task DisposeAsync()
    {
        if (OwnsDatabase) await TestDatabase.DropAsync(DatabaseName);
    }
}
