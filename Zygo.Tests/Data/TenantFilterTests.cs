using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zygo.Data;
using Zygo.Data.Entities;
using Zygo.Tests.Infrastructure;
using Zygo.Web.Variables;
using Zygo.Web.Workflows;

namespace Zygo.Tests.Data;

/// <summary>Two tenants with a row of every tenant-scoped type each, on one app.</summary>
public sealed class TwoTenantsFixture : IAsyncLifetime
{
    public ZygoAppFactory App { get; } = new();

    public TenantRows A { get; private set; } = null!;
    public TenantRows B { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        A = await PopulateAsync("Tenant A");
        B = await PopulateAsync("Tenant B");
    }

    public async Task DisposeAsync() => await App.DisposeAsync();

    private async Task<TenantRows> PopulateAsync(string name)
    {
        var tenantId = await App.CreateTenantAsync(name);
        var ownerId = await App.CreateUserAsync(tenantId, TenantRole.Owner);
        await using var db = App.CreateSystemContext();
        var workflow = new Workflow { TenantId = tenantId, Name = $"{name} flow", Slug = "flow", CreatedByUserId = ownerId };
        var execution = new WorkflowExecution { TenantId = tenantId, WorkflowId = workflow.Id, WorkflowVersion = 1 };
        var variable = new EnvironmentVariable
        {
            TenantId = tenantId, Name = "API_TOKEN", EncryptedValue = "not-really-encrypted", CreatedByUserId = ownerId,
        };
        db.Workflows.Add(workflow);
        db.WorkflowVersions.Add(new WorkflowVersion { TenantId = tenantId, WorkflowId = workflow.Id, Version = 1, CreatedByUserId = ownerId });
        db.WorkflowExecutions.Add(execution);
        db.NodeExecutions.Add(new NodeExecution { TenantId = tenantId, ExecutionId = execution.Id, NodeId = "n1", NodeType = "input" });
        db.WorkflowSchedules.Add(new WorkflowSchedule { TenantId = tenantId, WorkflowId = workflow.Id, IntervalSeconds = 60 });
        db.EnvironmentVariables.Add(variable);
        db.ApiKeys.Add(new ApiKey { TenantId = tenantId, UserId = ownerId, Name = "k", Prefix = "zygo_x", KeyHash = Guid.NewGuid().ToString("N") });
        db.Invitations.Add(new Invitation
        {
            TenantId = tenantId, Email = $"invitee-{Guid.NewGuid():N}@zygo.test", TokenHash = Guid.NewGuid().ToString("N"),
            CreatedByUserId = ownerId, ExpiresAt = DateTime.UtcNow.AddDays(1),
        });
        db.AuditLog.Add(new AuditLogEntry { TenantId = tenantId, UserId = ownerId, Action = "test.populated" });
        db.Memories.Add(new Memory { TenantId = tenantId, Key = "fact", Type = "factual", Content = $"{name} fact", Sensitivity = "internal", Importance = "medium" });
        var person = new KnowledgeEntity { TenantId = tenantId, Type = "person", Name = "Ada", NormalizedName = "ada" };
        var company = new KnowledgeEntity { TenantId = tenantId, Type = "organization", Name = "Acme", NormalizedName = "acme" };
        db.KnowledgeEntities.AddRange(person, company);
        db.KnowledgeRelations.Add(new KnowledgeRelation { TenantId = tenantId, FromEntityId = person.Id, ToEntityId = company.Id, Type = "works_for" });
        var chat = new ChatSession { TenantId = tenantId, WorkflowId = workflow.Id, UserId = ownerId, Title = "Hello" };
        db.ChatSessions.Add(chat);
        db.ChatMessages.Add(new ChatSessionMessage { TenantId = tenantId, SessionId = chat.Id, Role = ChatSessionMessage.UserRole, Content = "Hello" });
        var collection = new RagCollection { TenantId = tenantId, Name = "kb" };
        var document = new RagDocument { TenantId = tenantId, CollectionId = collection.Id, Title = "Doc", ContentType = "text/plain" };
        db.RagCollections.Add(collection);
        db.RagDocuments.Add(document);
        db.RagChunks.Add(new RagChunk { TenantId = tenantId, CollectionId = collection.Id, DocumentId = document.Id, Text = $"{name} passage" });
        await db.SaveChangesAsync();
        return new TenantRows(tenantId, ownerId, workflow.Id, variable.Id);
    }
}

public sealed record TenantRows(Guid TenantId, Guid OwnerId, Guid WorkflowId, Guid VariableId);

public sealed class TenantFilterTests(TwoTenantsFixture fixture) : IClassFixture<TwoTenantsFixture>
{
    private readonly ZygoAppFactory _app = fixture.App;
    private readonly TenantRows _a = fixture.A;
    private readonly TenantRows _b = fixture.B;

    private static readonly MethodInfo TenantIdsMethod =
        typeof(TenantFilterTests).GetMethod(nameof(TenantIdsAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    private IServiceScope ScopeForA() => _app.ScopeFor(_a.OwnerId, _a.TenantId, TenantRole.Owner);

    [Fact]
    public void Every_tenant_scoped_entity_has_a_query_filter()
    {
        using var db = _app.CreateSystemContext();
        var scoped = TenantScopedTypes(db);

        scoped.Should().HaveCountGreaterThanOrEqualTo(10);
        foreach (var type in db.Model.GetEntityTypes().Where(t => typeof(ITenantScoped).IsAssignableFrom(t.ClrType)))
        {
            type.GetDeclaredQueryFilters().Should().NotBeEmpty($"{type.ClrType.Name} is tenant-scoped");
        }
    }

    [Fact]
    public async Task A_context_of_tenant_A_sees_only_As_rows_of_every_tenant_scoped_type()
    {
        using var scope = ScopeForA();
        var db = scope.ServiceProvider.GetRequiredService<ZygoDbContext>();
        await using var system = _app.CreateSystemContext();

        foreach (var type in TenantScopedTypes(db))
        {
            var all = await TenantIdsOf(type, system, ignoreFilters: true);
            all.Should().Contain(_a.TenantId, $"the fixture populates {type.Name} for tenant A");
            all.Should().Contain(_b.TenantId, $"the fixture populates {type.Name} for tenant B");

            var seen = await TenantIdsOf(type, db, ignoreFilters: false);
            seen.Should().OnlyContain(id => id == _a.TenantId, $"tenant A must not see other tenants' {type.Name} rows");
            seen.Should().HaveCount(all.Count(id => id == _a.TenantId), $"tenant A must see all of its own {type.Name} rows");
        }
    }

    [Fact]
    public async Task Looking_up_another_tenants_row_by_id_finds_nothing()
    {
        using var scope = ScopeForA();
        var db = scope.ServiceProvider.GetRequiredService<ZygoDbContext>();

        (await db.Workflows.FindAsync(_b.WorkflowId)).Should().BeNull();
        (await db.EnvironmentVariables.SingleOrDefaultAsync(v => v.Id == _b.VariableId)).Should().BeNull();
        (await db.Workflows.FindAsync(_a.WorkflowId)).Should().NotBeNull();

        (await scope.ServiceProvider.GetRequiredService<WorkflowService>().GetAsync(_b.WorkflowId)).Should().BeNull();
        (await scope.ServiceProvider.GetRequiredService<WorkflowService>().GetAsync(_a.WorkflowId)).Should().NotBeNull();
        (await scope.ServiceProvider.GetRequiredService<VariableService>().GetAsync(_b.VariableId)).Should().BeNull();
        (await scope.ServiceProvider.GetRequiredService<VariableService>().ListAsync()).Should().ContainSingle()
            .Which.Id.Should().Be(_a.VariableId);
    }

    [Fact]
    public async Task A_context_outside_any_tenant_sees_no_tenant_scoped_rows_unless_it_ignores_the_filters()
    {
        using var scope = _app.Services.CreateScope();
        var plain = scope.ServiceProvider.GetRequiredService<ZygoDbContext>();
        await using var system = _app.CreateSystemContext();

        foreach (var db in new[] { plain, system })
        {
            foreach (var type in TenantScopedTypes(db))
            {
                (await TenantIdsOf(type, db, ignoreFilters: false)).Should().BeEmpty($"{type.Name} is tenant-scoped");
                (await TenantIdsOf(type, db, ignoreFilters: true)).Should().Contain([_a.TenantId, _b.TenantId]);
            }

            (await db.Tenants.CountAsync()).Should().BeGreaterThanOrEqualTo(2, "tenants themselves are not tenant-scoped");
        }
    }

    [Fact]
    public async Task Tenant_A_cannot_modify_a_row_of_tenant_B()
    {
        using var scope = ScopeForA();
        var db = scope.ServiceProvider.GetRequiredService<ZygoDbContext>();
        var theirs = await db.Workflows.IgnoreQueryFilters().SingleAsync(w => w.Id == _b.WorkflowId);
        theirs.Name = "Hijacked";

        await db.Invoking(d => d.SaveChangesAsync()).Should().ThrowAsync<InvalidOperationException>();
        db.Invoking(d => d.SaveChanges()).Should().Throw<InvalidOperationException>();

        await using var system = _app.CreateSystemContext();
        (await system.Workflows.IgnoreQueryFilters().SingleAsync(w => w.Id == _b.WorkflowId)).Name.Should().Be("Tenant B flow");
    }

    [Fact]
    public async Task Tenant_A_cannot_delete_a_row_of_tenant_B()
    {
        var victim = await AddVariableForBAsync();
        using var scope = ScopeForA();
        var db = scope.ServiceProvider.GetRequiredService<ZygoDbContext>();
        db.EnvironmentVariables.Remove(await db.EnvironmentVariables.IgnoreQueryFilters().SingleAsync(v => v.Id == victim));

        await db.Invoking(d => d.SaveChangesAsync()).Should().ThrowAsync<InvalidOperationException>();

        await using var system = _app.CreateSystemContext();
        (await system.EnvironmentVariables.IgnoreQueryFilters().AnyAsync(v => v.Id == victim)).Should().BeTrue();
    }

    [Fact]
    public async Task Tenant_A_cannot_move_a_row_of_tenant_B_into_A()
    {
        var victim = await AddVariableForBAsync();
        using (var scope = ScopeForA())
        {
            var db = scope.ServiceProvider.GetRequiredService<ZygoDbContext>();
            var theirs = await db.EnvironmentVariables.IgnoreQueryFilters().SingleAsync(v => v.Id == victim);
            theirs.TenantId = _a.TenantId;
            theirs.Name = "STOLEN";
            await db.Invoking(d => d.SaveChangesAsync()).Should().ThrowAsync<InvalidOperationException>();
        }

        using (var scope = ScopeForA())
        {
            // Moving it first and deleting it then is a cross-tenant delete all the same.
            var db = scope.ServiceProvider.GetRequiredService<ZygoDbContext>();
            var theirs = await db.EnvironmentVariables.IgnoreQueryFilters().SingleAsync(v => v.Id == victim);
            theirs.TenantId = _a.TenantId;
            db.EnvironmentVariables.Remove(theirs);
            await db.Invoking(d => d.SaveChangesAsync()).Should().ThrowAsync<InvalidOperationException>();
        }

        await using var system = _app.CreateSystemContext();
        var stored = await system.EnvironmentVariables.IgnoreQueryFilters().SingleAsync(v => v.Id == victim);
        stored.TenantId.Should().Be(_b.TenantId);
        stored.Name.Should().StartWith("B_");
    }

    [Fact]
    public async Task Tenant_A_cannot_move_its_row_to_B_nor_add_a_row_for_B()
    {
        using (var scope = ScopeForA())
        {
            var db = scope.ServiceProvider.GetRequiredService<ZygoDbContext>();
            (await db.Workflows.SingleAsync(w => w.Id == _a.WorkflowId)).TenantId = _b.TenantId;
            await db.Invoking(d => d.SaveChangesAsync()).Should().ThrowAsync<InvalidOperationException>();
        }

        using (var scope = ScopeForA())
        {
            var db = scope.ServiceProvider.GetRequiredService<ZygoDbContext>();
            db.AuditLog.Add(new AuditLogEntry { TenantId = _b.TenantId, Action = "test.planted" });
            await db.Invoking(d => d.SaveChangesAsync()).Should().ThrowAsync<InvalidOperationException>();
        }

        await using var system = _app.CreateSystemContext();
        (await system.Workflows.IgnoreQueryFilters().SingleAsync(w => w.Id == _a.WorkflowId)).TenantId.Should().Be(_a.TenantId);
        (await system.AuditLog.IgnoreQueryFilters().AnyAsync(e => e.Action == "test.planted")).Should().BeFalse();
    }

    [Fact]
    public async Task Rows_added_without_a_tenant_get_the_contexts_tenant()
    {
        var workflow = new Workflow { Name = "Added", Slug = $"added-{Guid.NewGuid():N}", CreatedByUserId = _a.OwnerId };
        var entry = new AuditLogEntry { Action = "test.added" };
        using (var scope = ScopeForA())
        {
            var db = scope.ServiceProvider.GetRequiredService<ZygoDbContext>();
            db.Workflows.Add(workflow);
            db.AuditLog.Add(entry);
            await db.SaveChangesAsync();
        }

        workflow.TenantId.Should().Be(_a.TenantId);
        await using var system = _app.CreateSystemContext();
        (await system.Workflows.IgnoreQueryFilters().SingleAsync(w => w.Id == workflow.Id)).TenantId.Should().Be(_a.TenantId);
        (await system.AuditLog.IgnoreQueryFilters().SingleAsync(e => e.Id == entry.Id)).TenantId.Should().Be(_a.TenantId);
    }

    [Fact]
    public async Task A_row_added_outside_any_tenant_without_a_tenant_is_refused()
    {
        await using var db = _app.CreateSystemContext();
        db.AuditLog.Add(new AuditLogEntry { Action = "test.orphan" });

        await db.Invoking(d => d.SaveChangesAsync()).Should().ThrowAsync<InvalidOperationException>();
    }

    /// <summary>A row of tenant B of its own, for tests that would damage the shared ones if the guard failed.</summary>
    private async Task<Guid> AddVariableForBAsync()
    {
        await using var db = _app.CreateSystemContext();
        var variable = new EnvironmentVariable
        {
            TenantId = _b.TenantId, Name = $"B_{Guid.NewGuid():N}", EncryptedValue = "x", CreatedByUserId = _b.OwnerId,
        };
        db.EnvironmentVariables.Add(variable);
        await db.SaveChangesAsync();
        return variable.Id;
    }

    private static List<Type> TenantScopedTypes(ZygoDbContext db) =>
        db.Model.GetEntityTypes().Select(t => t.ClrType).Where(typeof(ITenantScoped).IsAssignableFrom).ToList();

    private static Task<List<Guid>> TenantIdsOf(Type type, ZygoDbContext db, bool ignoreFilters) =>
        (Task<List<Guid>>)TenantIdsMethod.MakeGenericMethod(type).Invoke(null, [db, ignoreFilters])!;

    private static Task<List<Guid>> TenantIdsAsync<T>(ZygoDbContext db, bool ignoreFilters) where T : class, ITenantScoped
    {
        var set = ignoreFilters ? db.Set<T>().IgnoreQueryFilters() : db.Set<T>();
        return set.AsNoTracking().Select(e => e.TenantId).ToListAsync();
    }
}
