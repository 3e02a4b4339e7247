using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zygo.Data.Entities;

namespace Zygo.Data.Configuration;

internal sealed class WorkflowConfiguration : IEntityTypeConfiguration<Workflow>
{
    public void Configure(EntityTypeBuilder<Workflow> b)
    {
        b.ToTable("workflows");
        b.Property(w => w.Name).HasMaxLength(200);
        b.Property(w => w.Description).HasMaxLength(4000);
        b.Property(w => w.Slug).HasMaxLength(200);
        b.Property(w => w.Nodes).IsJson();
        b.Property(w => w.Edges).IsJson();
        b.Property(w => w.ConcurrencyStamp).IsConcurrencyToken();
        b.HasIndex(w => new { w.TenantId, w.Slug }).IsUnique();
        b.HasIndex(w => new { w.TenantId, w.Status });
        b.HasIndex(w => new { w.TenantId, w.CreatedAt });
        b.HasOne<Tenant>().WithMany().HasForeignKey(w => w.TenantId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<ZygoUser>().WithMany().HasForeignKey(w => w.CreatedByUserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class WorkflowVersionConfiguration : IEntityTypeConfiguration<WorkflowVersion>
{
    public void Configure(EntityTypeBuilder<WorkflowVersion> b)
    {
        b.ToTable("workflow_versions");
        b.Property(v => v.Nodes).IsJson();
        b.Property(v => v.Edges).IsJson();
        b.Property(v => v.ChangeNote).HasMaxLength(1000);
        b.HasIndex(v => new { v.WorkflowId, v.Version }).IsUnique();
        b.HasOne<Workflow>().WithMany().HasForeignKey(v => v.WorkflowId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WorkflowScheduleConfiguration : IEntityTypeConfiguration<WorkflowSchedule>
{
    public void Configure(EntityTypeBuilder<WorkflowSchedule> b)
    {
        b.ToTable("workflow_schedules");
        b.Property(s => s.CronExpression).HasMaxLength(200);
        b.Property(s => s.TimeZone).HasMaxLength(100);
        b.HasIndex(s => s.WorkflowId);
        b.HasIndex(s => new { s.TenantId, s.IsActive });
        b.HasOne<Workflow>().WithMany().HasForeignKey(s => s.WorkflowId).OnDelete(DeleteBehavior.Cascade);
    }
}
