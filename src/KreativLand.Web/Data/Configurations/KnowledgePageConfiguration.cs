using KreativLand.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KreativLand.Web.Data.Configurations;

public class KnowledgePageConfiguration : IEntityTypeConfiguration<KnowledgePage>
{
    public void Configure(EntityTypeBuilder<KnowledgePage> builder)
    {
        builder.HasIndex(k => k.Slug).IsUnique();
        builder.Property(k => k.Slug).HasMaxLength(Slugs.MaxLength);
        builder.Property(k => k.TitleDe).HasMaxLength(KnowledgePage.MaxTitleLength);
        builder.Property(k => k.TitleEn).HasMaxLength(KnowledgePage.MaxTitleLength);
        builder.Property(k => k.SummaryDe).HasMaxLength(KnowledgePage.MaxSummaryLength);
        builder.Property(k => k.SummaryEn).HasMaxLength(KnowledgePage.MaxSummaryLength);
        builder.PrimitiveCollection(k => k.ExampleSlugs);
        builder.Property(k => k.Version).IsRowVersion();
        builder.Ignore(k => k.Title);
        builder.Ignore(k => k.Summary);
        builder.Ignore(k => k.Body);
    }
}
