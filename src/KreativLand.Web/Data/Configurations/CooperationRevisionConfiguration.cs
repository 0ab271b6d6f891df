using KreativLand.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KreativLand.Web.Data.Configurations;

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
        builder.Property(r => r.Saves).HasColumnType("jsonb")
            .HasConversion(JsonColumn.Converter<RevisionSave>(), JsonColumn.Comparer<RevisionSave>());
    }
}
