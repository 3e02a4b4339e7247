using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zygo.Data.Entities;

namespace Zygo.Data.Configuration;

internal sealed class EnvironmentVariableConfiguration : IEntityTypeConfiguration<EnvironmentVariable>
{
    public void Configure(EntityTypeBuilder<EnvironmentVariable> b)
    {
        b.ToTable("environment_variables");
        b.Property(v => v.Name).HasMaxLength(128);
        b.Property(v => v.Service).HasMaxLength(64);
        b.Property(v => v.Description).HasMaxLength(1000);
        b.HasIndex(v => new { v.TenantId, v.Name }).IsUnique();
        b.HasOne<Tenant>().WithMany().HasForeignKey(v => v.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> b)
    {
        b.ToTable("api_keys");
        b.Property(k => k.Name).HasMaxLength(200);
        b.Property(k => k.Prefix).HasMaxLength(32);
        b.Property(k => k.KeyHash).HasMaxLength(128);
        b.HasIndex(k => k.KeyHash).IsUnique();
        b.HasIndex(k => new { k.TenantId, k.UserId });
        b.HasOne<Tenant>().WithMany().HasForeignKey(k => k.TenantId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<ZygoUser>().WithMany().HasForeignKey(k => k.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AuditLogConfiguration : IEntityTypeConfiguration<AuditLogEntry>
{
    public void Configure(EntityTypeBuilder<AuditLogEntry> b)
    {
        b.ToTable("audit_log");
        b.Property(a => a.Action).HasMaxLength(100);
        b.Property(a => a.TargetType).HasMaxLength(64);
        b.Property(a => a.TargetId).HasMaxLength(100);
        b.Property(a => a.IpAddress).HasMaxLength(64);
        b.Property(a => a.Details).IsJson();
        b.HasIndex(a => new { a.TenantId, a.At });
        b.HasOne<Tenant>().WithMany().HasForeignKey(a => a.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
