using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zygo.Data.Entities;

namespace Zygo.Data.Configuration;

internal sealed class MemoryConfiguration : IEntityTypeConfiguration<Memory>
{
    public void Configure(EntityTypeBuilder<Memory> b)
    {
        b.ToTable("memories");
        b.Property(m => m.Key).HasMaxLength(400);
        b.Property(m => m.Type).HasMaxLength(32);
        b.Property(m => m.Title).HasMaxLength(400);
        b.Property(m => m.Tags).HasMaxLength(2000);
        b.Property(m => m.Sensitivity).HasMaxLength(32);
        b.Property(m => m.Importance).HasMaxLength(32);
        b.Property(m => m.EmbeddingModel).HasMaxLength(200);
        b.Property(m => m.Metadata).IsJson();
        b.HasIndex(m => new { m.TenantId, m.Key, m.Version }).IsUnique();
        b.HasIndex(m => new { m.TenantId, m.Superseded, m.ExpiresAt });
        b.HasOne<Tenant>().WithMany().HasForeignKey(m => m.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
