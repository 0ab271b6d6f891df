using KreativLand.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KreativLand.Web.Data.Configurations;

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
