using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zygo.Data.Entities;

namespace Zygo.Data.Configuration;

internal sealed class ChatSessionConfiguration : IEntityTypeConfiguration<ChatSession>
{
    public void Configure(EntityTypeBuilder<ChatSession> b)
    {
        b.ToTable("chat_sessions");
        b.Property(s => s.Title).HasMaxLength(200);
        b.HasIndex(s => new { s.TenantId, s.WorkflowId, s.UserId, s.UpdatedAt });
        b.HasOne<Workflow>().WithMany().HasForeignKey(s => s.WorkflowId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<ZygoUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ChatSessionMessageConfiguration : IEntityTypeConfiguration<ChatSessionMessage>
{
    public void Configure(EntityTypeBuilder<ChatSessionMessage> b)
    {
        b.ToTable("chat_messages");
        b.Property(m => m.Role).HasMaxLength(16);
        b.Property(m => m.Error).HasMaxLength(4000);
        b.Property(m => m.Steps).IsJson();
        b.HasIndex(m => new { m.SessionId, m.CreatedAt });
        b.HasOne<ChatSession>().WithMany().HasForeignKey(m => m.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}
