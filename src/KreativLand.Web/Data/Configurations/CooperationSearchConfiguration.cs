using KreativLand.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KreativLand.Web.Data.Configurations;

public class CooperationSearchConfiguration : IEntityTypeConfiguration<CooperationSearch>
{
    public void Configure(EntityTypeBuilder<CooperationSearch> builder)
    {
        builder.ToTable("cooperation_search");
        builder.HasKey(s => s.CooperationId);
        builder.HasOne<Cooperation>().WithOne(c => c.Search).HasForeignKey<CooperationSearch>(s => s.CooperationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => s.Document).HasMethod("gin");
        builder.HasIndex(s => s.Plain).HasMethod("gin").HasOperators("gin_trgm_ops");
    }
}
