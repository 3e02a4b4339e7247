using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Zygo.Data;
using Zygo.Data.Providers;
using Zygo.Tests.Infrastructure;

namespace Zygo.Tests.Data;

/// <summary>
/// Each provider keeps its own migrations, and they must match the model: a model change without a migration for
/// every provider would break that provider at its next start.
/// </summary>
public sealed class MigrationTests
{
    private static readonly string[] ExpectedTables =
    [
        "workflows", "workflow_versions", "workflow_executions", "node_executions", "workflow_schedules", "node_types",
        "documentation_pages", "environment_variables", "api_keys", "audit_log", "tenants", "tenant_memberships", "users",
        "invitations",
    ];

    private static readonly DatabaseProvider[] AllProviders = Enum.GetValues<DatabaseProvider>();

    public static TheoryData<DatabaseProvider> Providers => new(AllProviders);

    private static ZygoDbContext ContextFor(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => new SqliteZygoDbContext(new DbContextOptionsBuilder<SqliteZygoDbContext>()
            .UseZygoProvider(provider, "Data Source=:memory:").Options, FixedTenantContext.None),
        DatabaseProvider.SqlServer => new SqlServerZygoDbContext(new DbContextOptionsBuilder<SqlServerZygoDbContext>()
            .UseZygoProvider(provider, "Server=localhost;Database=zygo;User Id=zygo;Password=unused;TrustServerCertificate=True")
            .Options, FixedTenantContext.None),
        DatabaseProvider.PostgreSql => new PostgresZygoDbContext(new DbContextOptionsBuilder<PostgresZygoDbContext>()
            .UseZygoProvider(provider, "Host=localhost;Database=zygo;Username=zygo;Password=unused").Options,
            FixedTenantContext.None),
        _ => throw new ArgumentOutOfRangeException(nameof(provider)),
    };

    private static string MigrationsNamespace(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => "Zygo.Data.Migrations.Sqlite",
        DatabaseProvider.SqlServer => "Zygo.Data.Migrations.SqlServer",
        DatabaseProvider.PostgreSql => "Zygo.Data.Migrations.Postgres",
        _ => throw new ArgumentOutOfRangeException(nameof(provider)),
    };

    [Theory]
    [MemberData(nameof(Providers))]
    public void The_model_has_no_changes_missing_from_the_providers_migrations(DatabaseProvider provider)
    {
        using var context = ContextFor(provider);

        context.Database.GetMigrations().Should().NotBeEmpty();
        context.Database.HasPendingModelChanges().Should().BeFalse(
            $"every model change needs a migration for {provider} (dotnet ef migrations add … --context {context.GetType().Name})");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Each_providers_migrations_and_snapshot_live_in_its_own_namespace(DatabaseProvider provider)
    {
        using var context = ContextFor(provider);
        var assembly = context.GetService<IMigrationsAssembly>();
        var expected = MigrationsNamespace(provider);

        assembly.Migrations.Should().NotBeEmpty();
        assembly.Migrations.Values.Should().OnlyContain(t => t.Namespace == expected,
            $"{provider} must only find its own migrations");
        assembly.ModelSnapshot.Should().NotBeNull();
        assembly.ModelSnapshot!.GetType().Namespace.Should().Be(expected);
        context.Database.GetMigrations().Should().BeEquivalentTo(assembly.Migrations.Keys);
    }

    [Fact]
    public void The_providers_do_not_share_migrations()
    {
        var ids = AllProviders.Select(p =>
        {
            using var context = ContextFor(p);
            return context.GetService<IMigrationsAssembly>().Migrations.Values.Select(t => t.FullName).ToList();
        }).ToList();

        ids.SelectMany(x => x).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void The_SQL_Server_script_creates_every_table_with_nvarchar_max_json()
    {
        using var context = ContextFor(DatabaseProvider.SqlServer);
        var script = context.GetService<IMigrator>().GenerateScript();

        foreach (var table in ExpectedTables)
        {
            script.Should().MatchRegex($@"CREATE TABLE \[{table}\] \(", $"the script must create {table}");
        }

        var workflows = TableBlock(script, @"\[workflows\]");
        workflows.Should().MatchRegex(@"\[nodes\] nvarchar\(max\) NOT NULL");
        workflows.Should().MatchRegex(@"\[edges\] nvarchar\(max\) NOT NULL");
        workflows.Should().MatchRegex(@"\[concurrency_stamp\] uniqueidentifier NOT NULL");
        workflows.Should().MatchRegex(@"\[status\] nvarchar\(32\) NOT NULL", "enums are stored as lower-case names");
        TableBlock(script, @"\[workflow_versions\]").Should().MatchRegex(@"\[nodes\] nvarchar\(max\) NOT NULL");
        script.Should().NotContain("jsonb");
    }

    [Fact]
    public void The_PostgreSQL_script_creates_every_table_with_jsonb_json()
    {
        using var context = ContextFor(DatabaseProvider.PostgreSql);
        var script = context.GetService<IMigrator>().GenerateScript();

        foreach (var table in ExpectedTables)
        {
            script.Should().MatchRegex($@"CREATE TABLE ""?{table}""? \(", $"the script must create {table}");
        }

        var workflows = TableBlock(script, @"""?workflows""?");
        workflows.Should().MatchRegex(@"\bnodes jsonb NOT NULL");
        workflows.Should().MatchRegex(@"\bedges jsonb NOT NULL");
        workflows.Should().MatchRegex(@"\bstatus character varying\(32\) NOT NULL", "enums are stored as lower-case names");
        TableBlock(script, @"""?workflow_versions""?").Should().MatchRegex(@"\bnodes jsonb NOT NULL");
        TableBlock(script, @"""?workflow_executions""?").Should().MatchRegex(@"\binput jsonb,");
        TableBlock(script, @"""?audit_log""?").Should().MatchRegex(@"\bdetails jsonb,");
        script.Should().NotContain("nvarchar");
    }

    [Fact]
    public async Task The_app_applies_every_SQLite_migration_to_its_database_file_on_start()
    {
        await using var app = new ZygoAppFactory();
        await using var db = app.CreateSystemContext();

        db.Should().BeOfType<SqliteZygoDbContext>();
        (await db.Database.GetPendingMigrationsAsync()).Should().BeEmpty();

        await using var connection = new SqliteConnection($"Data Source={app.DatabaseFile};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT MigrationId FROM __EFMigrationsHistory ORDER BY MigrationId";
        var applied = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                applied.Add(reader.GetString(0));
            }
        }

        applied.Should().Equal(db.Database.GetMigrations());

        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
        var tables = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        tables.Should().Contain(ExpectedTables);
    }

    /// <summary>The text of one CREATE TABLE statement, up to the end of its column list.</summary>
    private static string TableBlock(string script, string quotedName)
    {
        var match = Regex.Match(script, $@"CREATE TABLE {quotedName} \((?<body>.*?)\n\);", RegexOptions.Singleline);
        match.Success.Should().BeTrue($"the script must create {quotedName}");
        return match.Groups["body"].Value;
    }
}
