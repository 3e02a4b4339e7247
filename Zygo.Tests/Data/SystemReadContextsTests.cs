using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zygo.Data;
using Zygo.Tests.Api;

namespace Zygo.Tests.Data;

/// <summary>Hot-path reads reuse open system contexts; a context whose read failed is never handed out again.</summary>
public sealed class SystemReadContextsTests(SystemReadContextsTests.Fixture fixture) : IClassFixture<SystemReadContextsTests.Fixture>
{
    public sealed class Fixture : AppFixture;

    [Fact]
    public async Task A_read_reuses_the_open_context_of_the_one_before_it()
    {
        using var reads = NewReads();

        var first = await reads.ReadAsync(db => Task.FromResult(db));
        var tenants = await reads.ReadAsync(async db => (db, await db.Tenants.IgnoreQueryFilters().CountAsync()));

        tenants.db.Should().BeSameAs(first);
        tenants.Item2.Should().BePositive();
        first.Database.GetDbConnection().State.Should().Be(System.Data.ConnectionState.Open);
    }

    [Fact]
    public async Task A_context_whose_read_threw_is_dropped()
    {
        using var reads = NewReads();
        ZygoDbContext? failed = null;

        var read = () => reads.ReadAsync<int>(db =>
        {
            failed = db;
            throw new InvalidOperationException("boom");
        });
        await read.Should().ThrowAsync<InvalidOperationException>();

        (await reads.ReadAsync(db => Task.FromResult(db))).Should().NotBeSameAs(failed);
    }

    private SystemReadContexts NewReads()
    {
        var scope = fixture.App.Services.CreateScope();
        return new SystemReadContexts(scope.ServiceProvider.GetRequiredService<ISystemDbContextFactory>().CreateDbContext);
    }
}
