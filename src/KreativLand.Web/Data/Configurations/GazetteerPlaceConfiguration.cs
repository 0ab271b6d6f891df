using KreativLand.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KreativLand.Web.Data.Configurations;

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
