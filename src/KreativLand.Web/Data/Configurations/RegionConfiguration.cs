using KreativLand.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KreativLand.Web.Data.Configurations;

public class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> builder)
    {
        builder.HasIndex(r => r.Slug).IsUnique();
        builder.Property(r => r.Slug).HasMaxLength(Slugs.MaxLength);
        builder.Property(r => r.Name).HasMaxLength(200);
        builder.Property(r => r.Level).HasMaxLength(40);
        builder.Property(r => r.CountryCode).HasMaxLength(2).IsFixedLength();
        builder.Property(r => r.Boundary).HasColumnType("geometry(MultiPolygon,4326)");
        builder.HasIndex(r => r.Boundary).HasMethod("gist");
        builder.HasIndex(r => new { r.Level, r.Name });
    }
}
