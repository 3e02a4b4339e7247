using System.Data.Common;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Zygo.Data.Conventions;
using Zygo.Data.Entities;

namespace Zygo.Data;

/// <summary>
/// The one model of Zygo. Each database provider has its own sealed subclass so that each keeps its own
/// migrations; everything else lives here.
/// </summary>
public abstract class ZygoDbContext : IdentityDbContext<ZygoUser, IdentityRole<Guid>, Guid>
{
    private readonly ITenantContext _tenant;

    protected ZygoDbContext(DbContextOptions options, ITenantContext tenant) : base(options)
    {
        _tenant = tenant;
    }

    /// <summary>Referenced by the query filters; EF reads it per query, so one model serves every tenant.</summary>
    public Guid CurrentTenantId => _tenant.TenantId ?? Guid.Empty;

    public DbSet<Tenant> Tenants => Set<Tenant>();
    public DbSet<TenantMembership> Memberships => Set<TenantMembership>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<Workflow> Workflows => Set<Workflow>();
    public DbSet<WorkflowVersion> WorkflowVersions => Set<WorkflowVersion>();
    public DbSet<WorkflowExecution> WorkflowExecutions => Set<WorkflowExecution>();
    public DbSet<NodeExecution> NodeExecutions => Set<NodeExecution>();
    public DbSet<WorkflowSchedule> WorkflowSchedules => Set<WorkflowSchedule>();
    public DbSet<NodeTypeRecord> NodeTypes => Set<NodeTypeRecord>();
    public DbSet<DocumentationPage> DocumentationPages => Set<DocumentationPage>();
    public DbSet<DocumentationBookmark> DocumentationBookmarks => Set<DocumentationBookmark>();
    public DbSet<DocumentationProgress> DocumentationProgress => Set<DocumentationProgress>();
    public DbSet<EnvironmentVariable> EnvironmentVariables => Set<EnvironmentVariable>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<AuditLogEntry> AuditLog => Set<AuditLogEntry>();
    public DbSet<Memory> Memories => Set<Memory>();
    public DbSet<KnowledgeEntity> KnowledgeEntities => Set<KnowledgeEntity>();
    public DbSet<KnowledgeRelation> KnowledgeRelations => Set<KnowledgeRelation>();
    public DbSet<ChatSession> ChatSessions => Set<ChatSession>();
    public DbSet<ChatSessionMessage> ChatMessages => Set<ChatSessionMessage>();
    public DbSet<RagCollection> RagCollections => Set<RagCollection>();
    public DbSet<RagDocument> RagDocuments => Set<RagDocument>();
    public DbSet<RagChunk> RagChunks => Set<RagChunk>();

    /// <summary>The column type of JSON documents; providers with a native JSON type override it.</summary>
    protected virtual string? JsonColumnType => null;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ZygoDbContext).Assembly);
        IdentityTableNames.Apply(builder);

        foreach (var entity in builder.Model.GetEntityTypes())
        {
            if (typeof(ITenantScoped).IsAssignableFrom(entity.ClrType))
            {
                ApplyTenantFilterMethod.MakeGenericMethod(entity.ClrType).Invoke(this, [builder]);
            }
        }

        SnakeCaseNaming.Apply(builder);
        StorageConventions.Apply(builder, JsonColumnType);
    }

    private static readonly MethodInfo ApplyTenantFilterMethod =
        typeof(ZygoDbContext).GetMethod(nameof(ApplyTenantFilter), BindingFlags.NonPublic | BindingFlags.Instance)!;

    private void ApplyTenantFilter<T>(ModelBuilder builder) where T : class, ITenantScoped
    {
        Expression<Func<T, bool>> filter = e => e.TenantId == CurrentTenantId;
        builder.Entity<T>().HasQueryFilter(filter);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        GuardTenant();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        GuardTenant();
        return await OneWriterAtATimeAsync(() => base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Runs a write made of plain commands (not SaveChanges) in one transaction on this context's connection, under
    /// the same one-writer-at-a-time rule as SaveChanges. The connection is opened through EF so that the
    /// per-connection settings still apply.
    /// </summary>
    public Task WriteAsync(Func<DbConnection, DbTransaction, CancellationToken, Task> write, CancellationToken cancellationToken) =>
        OneWriterAtATimeAsync(async () =>
        {
            await Database.OpenConnectionAsync(cancellationToken);
            try
            {
                var connection = Database.GetDbConnection();
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await write(connection, transaction, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return true;
            }
            finally
            {
                await Database.CloseConnectionAsync();
            }
        }, cancellationToken);

    /// <summary>On SQLite, queues this process's writers per database file (see <see cref="Sqlite.SqliteWriteGate"/>).</summary>
    private async Task<T> OneWriterAtATimeAsync<T>(Func<Task<T>> write, CancellationToken cancellationToken)
    {
        if (!Database.IsSqlite())
        {
            return await write();
        }

        var gate = Sqlite.SqliteWriteGate.For(Database.GetConnectionString() ?? string.Empty);
        await gate.WaitAsync(cancellationToken);
        try
        {
            return await write();
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// New rows get the current tenant; a write to another tenant's row is refused, so a bug in a query can
    /// never become a cross-tenant change.
    /// </summary>
    private void GuardTenant()
    {
        var current = _tenant.TenantId;
        foreach (var entry in ChangeTracker.Entries<ITenantScoped>())
        {
            if (entry.State == EntityState.Added && entry.Entity.TenantId == Guid.Empty)
            {
                entry.Entity.TenantId = current ?? throw new InvalidOperationException(
                    $"A {entry.Entity.GetType().Name} was added outside any tenant.");
            }

            if (current is not null && entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                && entry.Entity.TenantId != current)
            {
                throw new InvalidOperationException(
                    $"Refused to write a {entry.Entity.GetType().Name} of another tenant.");
            }

            // The stored tenant counts, not only the new one: setting TenantId first must not let a context change,
            // take over or delete another tenant's row.
            if (current is not null && entry.State is EntityState.Modified or EntityState.Deleted
                && !Equals(entry.Property(nameof(ITenantScoped.TenantId)).OriginalValue, current.Value))
            {
                throw new InvalidOperationException(
                    $"Refused to write a {entry.Entity.GetType().Name} of another tenant.");
            }
        }
    }
}
