using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zygo.Data.Entities;

namespace Zygo.Data.Configuration;

internal sealed class WorkflowExecutionConfiguration : IEntityTypeConfiguration<WorkflowExecution>
{
    public void Configure(EntityTypeBuilder<WorkflowExecution> b)
    {
        b.ToTable("workflow_executions");
        b.Property(e => e.Input).IsJson();
        b.Property(e => e.Output).IsJson();
        b.Property(e => e.Error).IsJson();
        b.HasIndex(e => e.WorkflowId);
        b.HasIndex(e => new { e.TenantId, e.Status });
        b.HasIndex(e => new { e.TenantId, e.TriggeredAt });
        b.HasOne<Workflow>().WithMany().HasForeignKey(e => e.WorkflowId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NodeExecutionConfiguration : IEntityTypeConfiguration<NodeExecution>
{
    public void Configure(EntityTypeBuilder<NodeExecution> b)
    {
        b.ToTable("node_executions");
        b.Property(n => n.NodeId).HasMaxLength(100);
        b.Property(n => n.NodeType).HasMaxLength(64);
        b.Property(n => n.Path).HasMaxLength(500);
        b.Property(n => n.Input).IsJson();
        b.Property(n => n.Output).IsJson();
        b.HasIndex(n => new { n.ExecutionId, n.Sequence });
        b.HasOne<WorkflowExecution>().WithMany().HasForeignKey(n => n.ExecutionId).OnDelete(DeleteBehavior.Cascade);
    }
}
