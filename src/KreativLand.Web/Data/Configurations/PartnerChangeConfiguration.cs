using KreativLand.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KreativLand.Web.Data.Configurations;

public class PartnerChangeConfiguration : IEntityTypeConfiguration<PartnerChange>
{
    public void Configure(EntityTypeBuilder<PartnerChange> builder)
    {
        builder.HasOne(c => c.Partner).WithMany().HasForeignKey(c => c.PartnerId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(c => c.Proposed).HasColumnType("jsonb")
            .HasConversion(JsonColumn.SingleConverter<PartnerDetails>(), JsonColumn.SingleComparer<PartnerDetails>());
        builder.Property(c => c.Applied).HasColumnType("jsonb")
            .HasConversion(JsonColumn.Converter<FieldChange>(), JsonColumn.Comparer<FieldChange>());
        builder.Property(c => c.Status).HasConversion<CodeConverter<PartnerChangeStatus>>().HasMaxLength(20);
        builder.Property(c => c.ProposedBy).HasMaxLength(256);
        builder.Property(c => c.DecidedBy).HasMaxLength(256);
        builder.Property(c => c.Reason).HasMaxLength(2000);
        builder.Property(c => c.Version).IsRowVersion();
        // At most one change per partner waits for review; later proposals revise it.
        builder.HasIndex(c => c.PartnerId).IsUnique().HasFilter("status = 'pending'");
    }
}
