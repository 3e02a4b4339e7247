namespace Zygo.Tests.Infrastructure;

/// <summary>A test class whose every test gets a fresh app (its own data folder and database), disposed after the test.</summary>
public abstract class AppTest : IAsyncLifetime
{
    protected ZygoAppFactory App { get; } = new();

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync() => await App.DisposeAsync();
}
