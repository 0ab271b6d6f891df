using KreativLand.Web.Domain;
using KreativLand.Web.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace KreativLand.Web.Data;

/// <summary>
/// The listings and, in the same database, the curator accounts (ASP.NET Core Identity stores) and the Data Protection
/// keys that sign their cookies, so every instance over this database reads the same key ring.
/// </summary>
public class KreativLandDbContext(DbContextOptions<KreativLandDbContext> options)
    : IdentityDbContext<CuratorUser, IdentityRole, string>(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Cooperation> Cooperations => Set<Cooperation>();
    public DbSet<Partner> Partners => Set<Partner>();
    public DbSet<CooperationPartner> CooperationPartners => Set<CooperationPartner>();
    public DbSet<Subsector> Subsectors => Set<Subsector>();
    public DbSet<Region> Regions => Set<Region>();
    public DbSet<CooperationSearch> CooperationSearches => Set<CooperationSearch>();
    public DbSet<KnowledgePage> KnowledgePages => Set<KnowledgePage>();
    public DbSet<LegalPage> LegalPages => Set<LegalPage>();

    public DbSet<StatusChange> StatusChanges => Set<StatusChange>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<CountryThreshold> CountryThresholds => Set<CountryThreshold>();
    public DbSet<GazetteerPlace> GazetteerPlaces => Set<GazetteerPlace>();
    public DbSet<GazetteerName> GazetteerNames => Set<GazetteerName>();
    public DbSet<CooperationRevision> CooperationRevisions => Set<CooperationRevision>();
    public DbSet<PartnerChange> PartnerChanges => Set<PartnerChange>();
    public DbSet<SiteSetting> SiteSettings => Set<SiteSetting>();
    public DbSet<UsedFormToken> UsedFormTokens => Set<UsedFormToken>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.HasPostgresExtension("postgis");
        modelBuilder.HasPostgresExtension("unaccent");
        modelBuilder.HasPostgresExtension("pg_trgm");
        // Through the setters: they turn a complex value EF reads as null (all its columns NULL) into an empty text.
        modelBuilder.UsePropertyAccessMode(PropertyAccessMode.PreferProperty);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(KreativLandDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every enum is stored as its readable kebab-case code.
        configurationBuilder.Properties<CooperationStatus>().HaveConversion<CodeConverter<CooperationStatus>>().HaveMaxLength(20);
        configurationBuilder.Properties<PartnerKind>().HaveConversion<CodeConverter<PartnerKind>>().HaveMaxLength(20);
    }
}

/// <summary>Connection-string helpers shared by the app, the CLI verbs and the tests.</summary>
public static class Database
{
    public const string ConnectionStringName = "KreativLand";

    /// <summary>Optional: a read-only copy (a PostgreSQL streaming replica) for public reads.</summary>
    public const string ReadOnlyConnectionStringName = "KreativLandReadOnly";

    /// <summary>
    /// The context for the application: public reads (GET and HEAD of the pages and data anyone may see, by visitors
    /// without an account) go to the read-only connection when one is configured; everything else — the curator area,
    /// every form post, the command verbs, background work — to the primary. Data Protection keys live in the primary.
    /// </summary>
    public static WebApplicationBuilder AddKreativLandDatabase(this WebApplicationBuilder builder, string primary)
    {
        var readOnly = builder.Configuration.GetConnectionString(ReadOnlyConnectionStringName) is { Length: > 0 } replica ? replica : null;
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddDbContext<KreativLandDbContext>((services, options) =>
        {
            var request = readOnly is null ? null : services.GetRequiredService<IHttpContextAccessor>().HttpContext;
            // By the sign-in cookie, not request.User: the session check (Identity's security-stamp validator) builds this
            // context while authenticating, before User is set, and the request keeps that context.
            var connection = request is not null && PublicReadCache.IsPublicRead(request) && !request.Request.Cookies.ContainsKey(Infrastructure.Accounts.CookieName)
                ? readOnly!
                : primary;
            options.UseKreativLandDatabase(connection)
                .AddInterceptors(services.GetRequiredService<PublicDataChanges.Interceptor>());
        });
        builder.Services.AddDataProtection()
            .SetApplicationName("KreativLand")
            .PersistKeysToDbContext<KreativLandDbContext>();
        return builder;
    }

    public static DbContextOptionsBuilder UseKreativLandDatabase(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, npgsql =>
            {
                npgsql.UseNetTopologySuite();
                // Cards and profiles project several collections (partners, subsectors): one query each, no row explosion.
                npgsql.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery);
                npgsql.MigrationsAssembly(typeof(KreativLandDbContext).Assembly.GetName().Name);
            })
            .UseSnakeCaseNamingConvention();
}
