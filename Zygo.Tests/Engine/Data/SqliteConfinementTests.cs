using Microsoft.Extensions.DependencyInjection;
using Zygo.Engine.Execution;
using Zygo.Engine.Nodes.Data;
using static Zygo.Tests.Engine.Data.DataTestConfigs;

namespace Zygo.Tests.Engine.Data;

/// <summary>With a SQLite folder set, the Data Source node opens databases inside it and nowhere else.</summary>
public sealed class SqliteConfinementTests : IDisposable
{
    private readonly SqliteTestDatabase _outside = new();
    private readonly DirectoryInfo _allowed = Directory.CreateTempSubdirectory("zygo-sqlite-folder-");
    private readonly NodeHarness _harness;

    public SqliteConfinementTests() =>
        _harness = new NodeHarness(services => services.Configure<DataNodeOptions>(o => o.SqliteFolder = _allowed.FullName));

    public void Dispose()
    {
        _harness.Dispose();
        _outside.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _allowed.Delete(recursive: true);
    }

    [Fact]
    public async Task A_relative_name_is_a_file_in_the_tenants_own_folder()
    {
        var tenant = Guid.NewGuid();

        await _harness.RunAsync<DataNodeType>(Config("Data Source=shop.db", "CREATE TABLE orders (id INTEGER)", "execute"),
            execution: new ExecutionInfo(tenant, Guid.NewGuid(), Guid.NewGuid()));

        File.Exists(Path.Combine(_allowed.FullName, tenant.ToString("N"), "shop.db")).Should().BeTrue();
    }

    [Fact]
    public async Task Another_tenant_using_the_same_name_gets_its_own_file()
    {
        var owner = new ExecutionInfo(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var other = new ExecutionInfo(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await _harness.RunAsync<DataNodeType>(Config("Data Source=crm.db", "CREATE TABLE leads (email TEXT)", "execute"), execution: owner);
        var byName = () => _harness.RunAsync<DataNodeType>(Config("Data Source=crm.db", "SELECT * FROM leads"), execution: other);
        var byPath = () => _harness.RunAsync<DataNodeType>(
            Config($"Data Source=../{owner.TenantId:N}/crm.db", "SELECT * FROM leads"), execution: other);

        (await byName.Should().ThrowAsync<NodeFailedException>()).Which.Message.Should().Contain("no such table");
        (await byPath.Should().ThrowAsync<NodeFailedException>()).Which.Message.Should().Contain("outside the folder");
    }

    [Theory]
    [InlineData("absolute")]
    [InlineData("traversal")]
    [InlineData("uri")]
    public async Task A_file_outside_the_folder_is_refused_and_left_untouched(string how)
    {
        _outside.Execute("INSERT INTO users (name) VALUES ('Ada')");
        var source = how switch
        {
            "absolute" => _outside.FilePath,
            "traversal" => Path.Combine("..", Path.GetFileName(_outside.Folder), "test.db"),
            _ => "file:" + _outside.FilePath,
        };
        var run = () => _harness.RunAsync<DataNodeType>(Config($"Data Source={source}", "DELETE FROM users", "execute"));

        var failure = (await run.Should().ThrowAsync<NodeFailedException>()).Which;

        failure.Message.Should().Contain("outside the folder").And.Contain(_allowed.FullName).And.Contain("Zygo:Data:SqliteFolder");
        _outside.Scalar("SELECT count(*) FROM users").Should().Be(1);
    }

    [Fact]
    public async Task An_in_memory_database_is_allowed()
    {
        var outcome = await _harness.RunAsync<DataNodeType>(Config("Data Source=:memory:", "SELECT 6 * 7 AS answer"));

        outcome.Output!.ToJsonString().Should().Contain("\"answer\":42");
    }
}
