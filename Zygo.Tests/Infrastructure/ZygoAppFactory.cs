using System.Net.Http.Headers;
using System.Security.Claims;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Zygo.Data;
using Zygo.Data.Entities;
using Zygo.Data.Security;
using Zygo.Web.Accounts;
using Zygo.Web.Security;
using Zygo.Web.Tenancy;

namespace Zygo.Tests.Infrastructure;

/// <summary>
/// The real app on a fresh SQLite file in a temporary data folder. With <c>useKestrel</c> it listens on a real
/// loopback port (for browsers and real HTTP limits); otherwise it runs on the in-memory test server.
/// </summary>
public sealed class ZygoAppFactory : WebApplicationFactory<Program>
{
    public const string OwnerEmail = "owner@zygo.test";
    public const string OwnerPassword = "Owner-Password-123";
    public const string DefaultPassword = "Member-Password-123";

    private readonly bool _useKestrel;
    private readonly bool _deleteDataFolder;
    private readonly Dictionary<string, string?> _settings;

    /// <param name="useKestrel">Listen on a real loopback port instead of the in-memory test server.</param>
    /// <param name="settings">Configuration overrides, applied after the defaults below.</param>
    /// <param name="dataPath">An existing data folder to start on (e.g. to restart on the data of an earlier
    /// factory); by default a new temporary one.</param>
    /// <param name="deleteDataFolder">Delete the data folder on dispose; false keeps it for a later factory.</param>
    public ZygoAppFactory(bool useKestrel = false, IDictionary<string, string?>? settings = null,
        string? dataPath = null, bool deleteDataFolder = true)
    {
        _useKestrel = useKestrel;
        _deleteDataFolder = deleteDataFolder;
        DataPath = dataPath ?? Path.Combine(Path.GetTempPath(), "zygo-tests", Guid.NewGuid().ToString("N"));
        _settings = new Dictionary<string, string?>
        {
            ["Zygo:DataPath"] = DataPath,
            ["Zygo:Seed:OwnerEmail"] = OwnerEmail,
            ["Zygo:Seed:OwnerPassword"] = OwnerPassword,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }

        if (useKestrel)
        {
            UseKestrel(0);
        }
    }

    public string DataPath { get; }

    public string DatabaseFile => Path.Combine(DataPath, "zygo.db");

    /// <summary>The address of the real listener; only with <c>useKestrel</c>.</summary>
    public Uri ServerAddress
    {
        get
        {
            StartServer();
            return ClientOptions.BaseAddress;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public async Task<Guid> DemoTenantIdAsync()
    {
        await using var db = CreateSystemContext();
        return db.Tenants.Single(t => t.Slug == "demo").Id;
    }

    public ZygoDbContext CreateSystemContext()
    {
        StartServerIfNeeded();
        var scope = Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<ISystemDbContextFactory>().CreateDbContext();
    }

    /// <summary>A new tenant with nobody in it yet.</summary>
    public async Task<Guid> CreateTenantAsync(string name)
    {
        await using var db = CreateSystemContext();
        var tenant = new Tenant { Name = name, Slug = Zygo.Web.Common.Slug.From(name) + "-" + Guid.NewGuid().ToString("N")[..6] };
        db.Tenants.Add(tenant);
        await db.SaveChangesAsync();
        return tenant.Id;
    }

    /// <summary>A user who is a member of <paramref name="tenantId"/> with <paramref name="role"/>.</summary>
    public async Task<Guid> CreateUserAsync(Guid tenantId, TenantRole role, string? email = null)
    {
        StartServerIfNeeded();
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ZygoUser>>();
        email ??= $"{role.ToString().ToLowerInvariant()}-{Guid.NewGuid():N}@zygo.test";
        var user = new ZygoUser { UserName = email, Email = email, LastTenantId = tenantId };
        var result = await users.CreateAsync(user, DefaultPassword);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }

        await using var db = scope.ServiceProvider.GetRequiredService<ISystemDbContextFactory>().CreateDbContext();
        db.Memberships.Add(new TenantMembership { TenantId = tenantId, UserId = user.Id, Role = role });
        await db.SaveChangesAsync();
        return user.Id;
    }

    /// <summary>A workflow stored directly, with its first version: nodes and edges as JSON arrays.</summary>
    public async Task<Guid> AddWorkflowAsync(Guid tenantId, Guid userId, string name, string nodes, string edges)
    {
        await using var db = CreateSystemContext();
        var workflow = new Workflow
        {
            TenantId = tenantId, Name = name, Slug = $"{Zygo.Web.Common.Slug.From(name)}-{Guid.NewGuid():N}", Nodes = nodes, Edges = edges, CreatedByUserId = userId,
        };
        db.Workflows.Add(workflow);
        db.WorkflowVersions.Add(new WorkflowVersion { TenantId = tenantId, WorkflowId = workflow.Id, Version = 1, Nodes = nodes, Edges = edges, CreatedByUserId = userId });
        await db.SaveChangesAsync();
        return workflow.Id;
    }

    /// <summary>A personal API key of the user in the tenant; returns the token to send as Bearer.</summary>
    public async Task<string> CreateApiKeyAsync(Guid userId, Guid tenantId)
    {
        var token = SecretToken.New(ApiKeyAuthenticationHandler.TokenPrefix);
        await using var db = CreateSystemContext();
        db.ApiKeys.Add(new ApiKey
        {
            TenantId = tenantId,
            UserId = userId,
            Name = "test",
            Prefix = token[..12],
            KeyHash = SecretToken.Hash(token),
        });
        await db.SaveChangesAsync();
        return token;
    }

    /// <summary>An HTTP client acting as a new member of <paramref name="tenantId"/> with <paramref name="role"/>.</summary>
    public async Task<HttpClient> ClientForRoleAsync(Guid tenantId, TenantRole role)
    {
        var userId = await CreateUserAsync(tenantId, role);
        return ClientWithApiKey(await CreateApiKeyAsync(userId, tenantId));
    }

    public HttpClient ClientWithApiKey(string token)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>
    /// A DI scope that acts as the given member, as a request or circuit would: for calling the app's services
    /// directly. Dispose it when done.
    /// </summary>
    public IServiceScope ScopeFor(Guid userId, Guid tenantId, TenantRole role, string? email = null)
    {
        StartServerIfNeeded();
        var scope = Services.CreateScope();
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, userId.ToString()),
            new Claim(ClaimTypes.Email, email ?? $"{userId}@zygo.test"),
            new Claim(ZygoClaims.TenantId, tenantId.ToString()),
            new Claim(ZygoClaims.Role, role.ToString()),
        ], "test");
        scope.ServiceProvider.GetRequiredService<TenantSession>().Initialize(new ClaimsPrincipal(identity));
        return scope;
    }

    private void StartServerIfNeeded()
    {
        if (_useKestrel)
        {
            StartServer();
        }
        else
        {
            _ = Server;
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            TryDeleteDataFolder();
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        TryDeleteDataFolder();
    }

    private void TryDeleteDataFolder()
    {
        if (!_deleteDataFolder)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            return;
        }

        try
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(DataPath, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a finishing background task; the OS temp cleaner takes it later.
        }
    }
}
