using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zygo.Data.Entities;

namespace Zygo.Data.Configuration;

internal sealed class DocumentationBookmarkConfiguration : IEntityTypeConfiguration<DocumentationBookmark>
{
    public void Configure(EntityTypeBuilder<DocumentationBookmark> b)
    {
        b.ToTable("documentation_bookmarks");
        b.HasKey(x => new { x.UserId, x.Slug });
        b.Property(x => x.Slug).HasMaxLength(200);
        b.HasOne<ZygoUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DocumentationProgressConfiguration : IEntityTypeConfiguration<DocumentationProgress>
{
    public void Configure(EntityTypeBuilder<DocumentationProgress> b)
    {
        b.ToTable("documentation_progress");
        b.HasKey(x => new { x.UserId, x.Slug });
        b.Property(x => x.Slug).HasMaxLength(200);
        b.HasOne<ZygoUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
