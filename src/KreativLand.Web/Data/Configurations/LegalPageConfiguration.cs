using KreativLand.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KreativLand.Web.Data.Configurations;

public class LegalPageConfiguration : IEntityTypeConfiguration<LegalPage>
{
    public void Configure(EntityTypeBuilder<LegalPage> builder)
    {
        builder.HasIndex(p => p.Slug).IsUnique();
        builder.Property(p => p.Slug).HasMaxLength(40);
        builder.Property(p => p.TitleDe).HasMaxLength(LegalPage.MaxTitleLength);
        builder.Property(p => p.TitleEn).HasMaxLength(LegalPage.MaxTitleLength);
        builder.Property(p => p.UpdatedBy).HasMaxLength(256);
        builder.Property(p => p.Version).IsRowVersion();
        builder.Ignore(p => p.Title);
        builder.Ignore(p => p.Body);
    }
}
