using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zygo.Data.Entities;

namespace Zygo.Data.Configuration;

internal sealed class RagCollectionConfiguration : IEntityTypeConfiguration<RagCollection>
{
    public void Configure(EntityTypeBuilder<RagCollection> b)
    {
        b.ToTable("rag_collections");
        b.Property(c => c.Name).HasMaxLength(200);
        b.Property(c => c.Description).HasMaxLength(2000);
        b.HasIndex(c => new { c.TenantId, c.Name }).IsUnique();
        b.HasOne<Tenant>().WithMany().HasForeignKey(c => c.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RagDocumentConfiguration : IEntityTypeConfiguration<RagDocument>
{
    public void Configure(EntityTypeBuilder<RagDocument> b)
    {
        b.ToTable("rag_documents");
        b.Property(d => d.Title).HasMaxLength(400);
        b.Property(d => d.FileName).HasMaxLength(400);
        b.Property(d => d.ContentType).HasMaxLength(100);
        b.Property(d => d.Metadata).IsJson();
        b.HasIndex(d => new { d.TenantId, d.CollectionId });
        b.HasOne<RagCollection>().WithMany().HasForeignKey(d => d.CollectionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RagChunkConfiguration : IEntityTypeConfiguration<RagChunk>
{
    public void Configure(EntityTypeBuilder<RagChunk> b)
    {
        b.ToTable("rag_chunks");
        b.Property(c => c.Heading).HasMaxLength(1000);
        b.Property(c => c.Metadata).IsJson();
        b.Property(c => c.EmbeddingModel).HasMaxLength(200);
        b.HasIndex(c => new { c.TenantId, c.CollectionId });
        b.HasIndex(c => new { c.DocumentId, c.Ordinal }).IsUnique();
        // No cascade from the collection too: SQL Server refuses two cascade paths to one table.
        b.HasOne<RagDocument>().WithMany().HasForeignKey(c => c.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}
