using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zygo.Data;
using Zygo.Data.Providers;
using Zygo.Tests.Api;

namespace Zygo.Tests.Data;

/// <summary>
/// Every context shares one options instance: options built per scope cost about half a millisecond of CPU per
/// context (measured with bench/Zygo.Bench), more than a whole short run without persistence.
/// </summary>
public sealed class DbContextOptionsTests(DbContextOptionsTests.Fixture fixture) : IClassFixture<DbContextOptionsTests.Fixture>
{
    public sealed class Fixture : AppFixture;

    [Fact]
    public void Contexts_made_in_different_scopes_share_one_options_instance_but_not_the_context()
    {
        using var first = fixture.App.Services.CreateScope();
        using var second = fixture.App.Services.CreateScope();

        var options = first.ServiceProvider.GetRequiredService<DbContextOptions<SqliteZygoDbContext>>();
        second.ServiceProvider.GetRequiredService<DbContextOptions<SqliteZygoDbContext>>().Should().BeSameAs(options);
        first.ServiceProvider.GetRequiredService<ZygoDbContext>().Should()
            .NotBeSameAs(second.ServiceProvider.GetRequiredService<ZygoDbContext>(), "a context still belongs to its scope's tenant");
    }
}
