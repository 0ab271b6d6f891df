using KreativLand.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KreativLand.Web.Data.Configurations;

public class GazetteerNameConfiguration : IEntityTypeConfiguration<GazetteerName>
{
    public void Configure(EntityTypeBuilder<GazetteerName> builder)
    {
        builder.Property(n => n.Language).HasMaxLength(8);
        builder.Property(n => n.Name).HasMaxLength(200);
        builder.Property(n => n.SearchName).HasMaxLength(200);
        builder.HasOne(n => n.Place).WithMany(p => p.OtherNames).HasForeignKey(n => n.PlaceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(n => n.SearchName).HasOperators("text_pattern_ops");
        builder.HasIndex(n => new { n.PlaceId, n.Language, n.Name }).IsUnique();
    }
}
