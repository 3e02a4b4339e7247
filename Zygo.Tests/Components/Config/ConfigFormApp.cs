using Microsoft.Extensions.DependencyInjection;
using Zygo.Data.Entities;
using Zygo.Tests.Infrastructure;

namespace Zygo.Tests.Components.Config;

/// <summary>
/// The real app on a temporary SQLite file with one tenant and its Owner: the form's services (node registry, variable
/// service with Data Protection encryption, the current user) come from it, as in a circuit.
/// </summary>
public sealed class ConfigFormApp : IAsyncLifetime
{
    public ZygoAppFactory App { get; } = new();

    public Guid TenantId { get; private set; }

    public Guid OwnerId { get; private set; }

    public async Task InitializeAsync()
    {
        TenantId = await App.CreateTenantAsync("Config form");
        OwnerId = await App.CreateUserAsync(TenantId, TenantRole.Owner);
    }

    /// <summary>A scope acting as a member of the tenant; the Owner unless another role is asked for.</summary>
    public async Task<IServiceScope> ScopeAsync(TenantRole role = TenantRole.Owner) =>
        role == TenantRole.Owner
            ? App.ScopeFor(OwnerId, TenantId, role)
            : App.ScopeFor(await App.CreateUserAsync(TenantId, role), TenantId, role);

    public async Task DisposeAsync() => await App.DisposeAsync();
}
