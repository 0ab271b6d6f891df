using KreativLand.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KreativLand.Web.Data.Configurations;

public class CooperationConfiguration : IEntityTypeConfiguration<Cooperation>
{
    public void Configure(EntityTypeBuilder<Cooperation> builder)
    {
        builder.HasIndex(c => c.Slug).IsUnique();
        builder.Property(c => c.Slug).HasMaxLength(Slugs.MaxLength);
        builder.HasIndex(c => c.Status);

        builder.ComplexProperty(c => c.Title, t => { t.Property(x => x.De).HasMaxLength(200); t.Property(x => x.En).HasMaxLength(200); });
        builder.ComplexProperty(c => c.Summary, t => { t.Property(x => x.De).HasMaxLength(600); t.Property(x => x.En).HasMaxLength(600); });
        builder.ComplexProperty(c => c.Description);
        builder.ComplexProperty(c => c.AdviceForSmes);
        builder.ComplexProperty(c => c.AdviceForCreatives);
        builder.ComplexProperty(c => c.AdviceForPolicy);

        builder.PrimitiveCollection(c => c.ContactOrigins).ElementType(e => e.HasConversion<CodeConverter<ContactOrigin>>());
        builder.PrimitiveCollection(c => c.RegionValues).ElementType(e => e.HasConversion<CodeConverter<RegionValue>>());
        builder.PrimitiveCollection(c => c.PartnerValues).ElementType(e => e.HasConversion<CodeConverter<PartnerValue>>());

        builder.Property(c => c.Quotes).HasColumnType("jsonb")
            .HasConversion(JsonColumn.Converter<Quote>(), JsonColumn.Comparer<Quote>());
        builder.Property(c => c.Media).HasColumnType("jsonb")
            .HasConversion(JsonColumn.Converter<MediaLink>(), JsonColumn.Comparer<MediaLink>());
        builder.Property(c => c.Images).HasColumnType("jsonb")
            .HasConversion(JsonColumn.Converter<Image>(), JsonColumn.Comparer<Image>());

        builder.OwnsOne(c => c.Location, location =>
        {
            location.Property(l => l.Municipality).HasMaxLength(200).IsRequired();
            location.Property(l => l.District).HasMaxLength(200);
            location.Property(l => l.Region).HasMaxLength(200);
            location.Property(l => l.CountryCode).HasMaxLength(2).IsFixedLength().IsRequired();
            location.Property(l => l.Point).HasColumnType("geometry(Point,4326)").IsRequired();
            location.HasIndex(l => l.Point).HasMethod("gist");
            location.HasIndex(l => l.CountryCode);
            location.Ignore(l => l.Latitude);
            location.Ignore(l => l.Longitude);
        });
        builder.Navigation(c => c.Location).IsRequired();

        builder.ComplexProperty(c => c.EconomicBackground, a => a.Property(x => x.Note).HasMaxLength(2000));
        builder.ComplexProperty(c => c.EqualTerms, a => a.Property(x => x.Note).HasMaxLength(2000));
        builder.ComplexProperty(c => c.RegionalEffects, a => a.Property(x => x.Note).HasMaxLength(2000));
        builder.ComplexProperty(c => c.SmeSize, a => a.Property(x => x.Note).HasMaxLength(2000));
        builder.Property(c => c.LastEditedBy).HasMaxLength(256);
        builder.Property(c => c.Source).HasMaxLength(Import.ImportValidator.MaxName);
        builder.Property(c => c.SubmitterEmail).HasMaxLength(256);
        builder.Property(c => c.AssignedTo).HasMaxLength(256);

        builder.Property(c => c.Version).IsRowVersion();
    }
}
