using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zygo.Data.Entities;

namespace Zygo.Data.Configuration;

internal sealed class NodeTypeConfiguration : IEntityTypeConfiguration<NodeTypeRecord>
{
    public void Configure(EntityTypeBuilder<NodeTypeRecord> b)
    {
        b.ToTable("node_types");
        b.Property(n => n.Id).HasMaxLength(64);
        b.Property(n => n.Label).HasMaxLength(100);
        b.Property(n => n.Icon).HasMaxLength(64);
        b.Property(n => n.Color).HasMaxLength(32);
        b.Property(n => n.Category).HasMaxLength(64);
        b.Property(n => n.ConfigSchema).IsJson();
        b.Property(n => n.DefaultConfig).IsJson();
    }
}

internal sealed class DocumentationPageConfiguration : IEntityTypeConfiguration<DocumentationPage>
{
    public void Configure(EntityTypeBuilder<DocumentationPage> b)
    {
        b.ToTable("documentation_pages");
        b.Property(d => d.Id).HasMaxLength(200);
        b.Property(d => d.Slug).HasMaxLength(200);
        b.Property(d => d.Title).HasMaxLength(300);
        b.Property(d => d.Category).HasMaxLength(100);
        b.Property(d => d.MetaDescription).HasMaxLength(500);
        b.Property(d => d.Keywords).HasMaxLength(1000);
        b.HasIndex(d => d.Slug).IsUnique();
        b.HasIndex(d => new { d.Category, d.SortOrder });
    }
}
