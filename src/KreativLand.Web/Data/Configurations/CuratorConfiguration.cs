using KreativLand.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KreativLand.Web.Data.Configurations;

public class StatusChangeConfiguration : IEntityTypeConfiguration<StatusChange>
{
    public void Configure(EntityTypeBuilder<StatusChange> builder)
    {
        builder.HasOne<Cooperation>().WithMany(c => c.StatusChanges).HasForeignKey(s => s.CooperationId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(s => s.From).HasConversion<CodeConverter<CooperationStatus>>().HasMaxLength(20);
        builder.Property(s => s.ChangedBy).HasMaxLength(256);
        builder.Property(s => s.Reason).HasMaxLength(2000);
        builder.Property(s => s.Event).HasConversion<CodeConverter<HistoryEvent>>().HasMaxLength(40).HasDefaultValue(HistoryEvent.Transition).HasSentinel(HistoryEvent.Transition);
        builder.Property(s => s.Detail).HasMaxLength(500);
        builder.HasIndex(s => new { s.CooperationId, s.ChangedAt });
    }
}

public class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.HasOne<Cooperation>().WithMany(c => c.AuditEntries).HasForeignKey(a => a.CooperationId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(a => a.ChangedBy).HasMaxLength(256);
        builder.Property(a => a.Changes).HasColumnType("jsonb")
            .HasConversion(JsonColumn.Converter<FieldChange>(), JsonColumn.Comparer<FieldChange>());
        builder.Property(a => a.Event).HasConversion<CodeConverter<HistoryEvent>>().HasMaxLength(40);
        builder.Property(a => a.Detail).HasMaxLength(500);
        builder.HasIndex(a => new { a.CooperationId, a.ChangedAt });
    }
}

public class CountryThresholdConfiguration : IEntityTypeConfiguration<CountryThreshold>
{
    public void Configure(EntityTypeBuilder<CountryThreshold> builder)
    {
        builder.HasKey(t => t.CountryCode);
        builder.Property(t => t.CountryCode).HasMaxLength(2).IsFixedLength();
        builder.ToTable(t => t.HasCheckConstraint("ck_country_thresholds_positive", "population_threshold > 0"));
        builder.Property(t => t.SetBy).HasMaxLength(256);
    }
}

public class GazetteerPlaceConfiguration : IEntityTypeConfiguration<GazetteerPlace>
{
    public void Configure(EntityTypeBuilder<GazetteerPlace> builder)
    {
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.SearchName).HasMaxLength(200);
        builder.Property(p => p.CountryCode).HasMaxLength(2).IsFixedLength();
        builder.Property(p => p.Admin1).HasMaxLength(20);
        builder.Property(p => p.Point).HasColumnType("geometry(Point,4326)");
        builder.HasIndex(p => p.SearchName).HasOperators("text_pattern_ops");
        builder.HasIndex(p => p.Point).HasMethod("gist");
    }
}

public class CooperationRevisionConfiguration : IEntityTypeConfiguration<CooperationRevision>
{
    public void Configure(EntityTypeBuilder<CooperationRevision> builder)
    {
        builder.HasOne<Cooperation>().WithOne().HasForeignKey<CooperationRevision>(r => r.CooperationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => r.CooperationId).IsUnique();
        builder.Property(r => r.Content).HasColumnType("jsonb");
        builder.Property(r => r.CreatedBy).HasMaxLength(256);
        builder.Property(r => r.UpdatedBy).HasMaxLength(256);
        builder.Property(r => r.Version).IsRowVersion();
    }
}
