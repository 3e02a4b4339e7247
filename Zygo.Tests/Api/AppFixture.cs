using Zygo.Tests.Infrastructure;

namespace Zygo.Tests.Api;

/// <summary>
/// One app per test class (xunit builds a new class instance per test, so the app lives in a class fixture).
/// Subclasses add the tenants and clients their class shares.
/// </summary>
public abstract class AppFixture(bool useKestrel = false) : IAsyncLifetime
{
    private readonly List<HttpClient> _clients = [];

    public ZygoAppFactory App { get; } = new(useKestrel);

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        await App.DisposeAsync();
    }

    /// <summary>Keeps a client to dispose with the fixture.</summary>
    protected HttpClient Keep(HttpClient client)
    {
        _clients.Add(client);
        return client;
    }
}
