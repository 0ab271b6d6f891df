using KreativLand.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KreativLand.Web.Data.Configurations;

public class UsedFormTokenConfiguration : IEntityTypeConfiguration<UsedFormToken>
{
    public void Configure(EntityTypeBuilder<UsedFormToken> builder)
    {
        // The primary key is what makes a token single-use: two posts racing with one token cannot both insert it.
        builder.HasKey(t => t.TokenHash);
        builder.Property(t => t.TokenHash).HasMaxLength(64);
        builder.HasIndex(t => t.UsedAt);
    }
}
