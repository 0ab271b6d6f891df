using KreativLand.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KreativLand.Web.Data.Configurations;

public class StatusChangeConfiguration : IEntityTypeConfiguration<StatusChange>
{
    public void Configure(EntityTypeBuilder<StatusChange> builder)
    {
        builder.HasOne<Cooperation>().WithMany(c => c.StatusChanges).HasForeignKey(s => s.CooperationId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(s => s.From).HasConversion<CodeConverter<CooperationStatus>>().HasMaxLength(20);
        builder.Property(s => s.ChangedBy).HasMaxLength(256);
        builder.Property(s => s.Reason).HasMaxLength(2000);
        builder.Property(s => s.Event).HasConversion<CodeConverter<HistoryEvent>>().HasMaxLength(40).HasDefaultValue(HistoryEvent.Transition).HasSentinel(HistoryEvent.Transition);
        builder.Property(s => s.Detail).HasMaxLength(500);
        builder.HasIndex(s => new { s.CooperationId, s.ChangedAt });
    }
}
