using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zygo.Data.Entities;

namespace Zygo.Data.Configuration;

internal sealed class KnowledgeEntityConfiguration : IEntityTypeConfiguration<KnowledgeEntity>
{
    public void Configure(EntityTypeBuilder<KnowledgeEntity> b)
    {
        b.ToTable("entities");
        b.Property(e => e.Type).HasMaxLength(64);
        b.Property(e => e.Name).HasMaxLength(400);
        b.Property(e => e.NormalizedName).HasMaxLength(400);
        b.Property(e => e.Properties).IsJson();
        b.HasIndex(e => new { e.TenantId, e.Type, e.NormalizedName }).IsUnique();
        b.HasIndex(e => new { e.TenantId, e.NormalizedName });
        b.HasOne<Tenant>().WithMany().HasForeignKey(e => e.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class KnowledgeRelationConfiguration : IEntityTypeConfiguration<KnowledgeRelation>
{
    public void Configure(EntityTypeBuilder<KnowledgeRelation> b)
    {
        b.ToTable("entity_relations");
        b.Property(r => r.Type).HasMaxLength(64);
        b.Property(r => r.Properties).IsJson();
        // Neighbour lookups go out by (from, type) and in by (to, type); the first also keeps one edge per triple.
        b.HasIndex(r => new { r.TenantId, r.FromEntityId, r.Type, r.ToEntityId }).IsUnique();
        b.HasIndex(r => new { r.TenantId, r.ToEntityId, r.Type });
        b.HasOne<Tenant>().WithMany().HasForeignKey(r => r.TenantId).OnDelete(DeleteBehavior.Cascade);
        // No cascade from the entities: SQL Server refuses a second cascade path to this table, so deleting an
        // entity deletes its relations in code (KnowledgeStore) first.
        b.HasOne<KnowledgeEntity>().WithMany().HasForeignKey(r => r.FromEntityId).OnDelete(DeleteBehavior.NoAction);
        b.HasOne<KnowledgeEntity>().WithMany().HasForeignKey(r => r.ToEntityId).OnDelete(DeleteBehavior.NoAction);
    }
}
