using Microsoft.AspNetCore.Mvc.Testing;
using Zygo.Data.Entities;
using Zygo.Tests.Infrastructure;

namespace Zygo.Tests.Documentation;

/// <summary>One app on the fixture pages, shared by a test class, with an anonymous client and clients per role.</summary>
public sealed class DocsApp : IAsyncLifetime
{
    private readonly Dictionary<TenantRole, HttpClient> _clients = [];

    public ZygoAppFactory App { get; } = new(settings: FixturePages.Settings);

    public HttpClient Anonymous { get; private set; } = default!;

    public Task InitializeAsync()
    {
        Anonymous = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        return Task.CompletedTask;
    }

    /// <summary>A client acting as a member of the demo tenant with <paramref name="role"/> (one per role, reused).</summary>
    public async Task<HttpClient> AsAsync(TenantRole role)
    {
        if (!_clients.TryGetValue(role, out var client))
        {
            client = await App.ClientForRoleAsync(await App.DemoTenantIdAsync(), role);
            _clients[role] = client;
        }

        return client;
    }

    public async Task DisposeAsync()
    {
        Anonymous.Dispose();
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }

        await App.DisposeAsync();
    }
}
