using KreativLand.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KreativLand.Web.Data.Configurations;

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
