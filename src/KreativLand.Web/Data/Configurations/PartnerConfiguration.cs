using KreativLand.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KreativLand.Web.Data.Configurations;

public class PartnerConfiguration : IEntityTypeConfiguration<Partner>
{
    public void Configure(EntityTypeBuilder<Partner> builder)
    {
        builder.HasIndex(p => p.Slug).IsUnique();
        builder.Property(p => p.Slug).HasMaxLength(Slugs.MaxLength);
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.Website).HasMaxLength(500);
        builder.Property(p => p.Sector).HasMaxLength(200);
        builder.Property(p => p.SectorCode).HasMaxLength(1).IsFixedLength();
        builder.HasIndex(p => p.SectorCode);
        builder.Property(p => p.Municipality).HasMaxLength(200);
        builder.Property(p => p.CountryCode).HasMaxLength(2).IsFixedLength();
        builder.HasOne(p => p.Subsector).WithMany().HasForeignKey(p => p.SubsectorCode).OnDelete(DeleteBehavior.Restrict);
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("ck_partners_employees", "employees IS NULL OR employees >= 0");
            t.HasCheckConstraint("ck_partners_sector_code", "sector_code IS NULL OR sector_code BETWEEN 'A' AND 'U'");
        });
        builder.Ignore(p => p.Details);
        builder.Property(p => p.Version).IsRowVersion();
        builder.HasOne<Partner>().WithMany().HasForeignKey(p => p.MergedIntoId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class CooperationPartnerConfiguration : IEntityTypeConfiguration<CooperationPartner>
{
    public void Configure(EntityTypeBuilder<CooperationPartner> builder)
    {
        builder.HasKey(cp => new { cp.CooperationId, cp.PartnerId });
        builder.HasOne(cp => cp.Cooperation).WithMany(c => c.Partners).HasForeignKey(cp => cp.CooperationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(cp => cp.Partner).WithMany(p => p.Cooperations).HasForeignKey(cp => cp.PartnerId).OnDelete(DeleteBehavior.Restrict);
        builder.ComplexProperty(cp => cp.Role, r => { r.Property(x => x.De).HasMaxLength(200); r.Property(x => x.En).HasMaxLength(200); });
        builder.HasIndex(cp => cp.PartnerId);
    }
}

public class SubsectorConfiguration : IEntityTypeConfiguration<Subsector>
{
    public void Configure(EntityTypeBuilder<Subsector> builder)
    {
        builder.HasKey(s => s.Code);
        builder.Property(s => s.Code).HasMaxLength(40);
        builder.Property(s => s.Colour).HasMaxLength(7);
        builder.Property(s => s.NameDe).HasMaxLength(100);
        builder.Property(s => s.NameEn).HasMaxLength(100);
        builder.Ignore(s => s.Name);
        builder.HasData(Subsector.Seed);
    }
}
