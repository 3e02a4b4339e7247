using System.Diagnostics;
using System.Text.Json.Nodes;
using Zygo.Engine.Execution;
using Zygo.Engine.Nodes.Data;
using static Zygo.Tests.Engine.Data.DataTestConfigs;

namespace Zygo.Tests.Engine.Data;

/// <summary>Bad configs, bad SQL and unreachable databases fail with messages that name the problem and never the connection string.</summary>
public sealed class DataNodeFailureTests : IDisposable
{
    private readonly SqliteTestDatabase _db = new();
    private readonly NodeHarness _harness = new();

    public void Dispose()
    {
        _harness.Dispose();
        _db.Dispose();
    }

    private async Task<NodeFailedException> FailureAsync(JsonObject config, JsonNode? input = null)
    {
        var run = () => _harness.RunAsync<DataNodeType>(config, input);
        return (await run.Should().ThrowAsync<NodeFailedException>()).Which;
    }

    [Fact]
    public async Task An_unknown_provider_is_named()
    {
        var config = Config(_db.ConnectionString, "SELECT 1");
        config["provider"] = "oracle";

        var failure = await FailureAsync(config);

        failure.Message.Should().Contain("provider");
        failure.Retryable.Should().BeFalse();
    }

    [Fact]
    public async Task A_missing_connection_string_points_to_the_variable()
    {
        var failure = await FailureAsync(Config("{{DB_CONNECTION}}", "SELECT 1"));

        failure.Message.Should().Contain("connection string is empty").And.Contain("{{DB_CONNECTION}}");
        failure.Retryable.Should().BeFalse();
    }

    [Fact]
    public async Task Missing_sql_is_named()
    {
        var failure = await FailureAsync(Config(_db.ConnectionString, "  "));

        failure.Message.Should().Contain("no SQL");
    }

    [Theory]
    [InlineData("maxRows", 0, "maxRows must be at least 1")]
    [InlineData("timeout", 0, "timeout must be at least 1 second")]
    public async Task Limits_below_one_are_refused(string field, int value, string message)
    {
        var config = Config(_db.ConnectionString, "SELECT 1");
        config[field] = value;

        (await FailureAsync(config)).Message.Should().Contain(message);
    }

    [Fact]
    public async Task A_syntax_error_is_reported_and_not_retried()
    {
        var failure = await FailureAsync(Config(_db.ConnectionString, "SELEC name FROM users"));

        failure.Message.Should().StartWith("The SQLite statement failed").And.Contain("syntax error");
        failure.Retryable.Should().BeFalse();
    }

    [Fact]
    public async Task A_parameter_the_sql_uses_but_the_config_lacks_is_named()
    {
        var failure = await FailureAsync(Config(_db.ConnectionString, "SELECT name FROM users WHERE email = @email AND name = @name", "query", ("name", "x")));

        failure.Message.Should().Contain("@email").And.NotContain("@name");
        failure.Retryable.Should().BeFalse();
    }

    [Fact]
    public async Task Sql_with_parameters_and_none_configured_says_so()
    {
        var failure = await FailureAsync(Config(_db.ConnectionString, "SELECT name FROM users WHERE email = @email"));

        failure.Message.Should().Be("The statement uses parameters (such as @name) but none are configured: add a row to parameters for each one.");
        failure.Retryable.Should().BeFalse();
    }

    [Fact]
    public async Task A_value_that_does_not_fit_its_type_names_the_parameter()
    {
        var config = Config(_db.ConnectionString, "SELECT @age");
        config["parameters"] = new JsonArray(new JsonObject { ["name"] = "age", ["value"] = "forty", ["type"] = "integer" });

        var failure = await FailureAsync(config);

        failure.Message.Should().Be("The parameter 'age' should be an integer but its value is \"forty\".");
    }

    [Theory]
    [InlineData("e-mail")]
    [InlineData("")]
    public async Task A_parameter_name_that_cannot_appear_in_sql_is_refused(string name)
    {
        var failure = await FailureAsync(Config(_db.ConnectionString, "SELECT 1", "query", (name, "x")));

        failure.Message.Should().Contain(name.Length == 0 ? "has no name" : $"'{name}' is not valid");
    }

    [Fact]
    public async Task A_parameter_listed_twice_is_refused()
    {
        var failure = await FailureAsync(Config(_db.ConnectionString, "SELECT @a", "query", ("a", 1), ("@a", 2)));

        failure.Message.Should().Contain("'a' is listed twice");
    }

    [Fact]
    public async Task A_locked_database_is_a_retryable_failure()
    {
        var config = Config(_db.ConnectionString, "INSERT INTO users (name) VALUES ('Ada')", "execute");
        config["timeout"] = 1;
        using var writeLock = _db.LockForWriting();

        var failure = await FailureAsync(config);

        failure.Message.Should().Contain("locked");
        failure.Retryable.Should().BeTrue();
    }

    [Fact]
    public async Task Cancelling_stops_a_long_sqlite_query_promptly()
    {
        // Counts without end: only an interrupt stops it.
        var config = Config(_db.ConnectionString, "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT count(*) FROM n", "scalar");
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var watch = Stopwatch.StartNew();

        var run = () => _harness.RunAsync<DataNodeType>(config, cancellationToken: cancellation.Token);

        await run.Should().ThrowAsync<OperationCanceledException>();
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Connection_strings_and_their_passwords_stay_out_of_messages()
    {
        // e_sqlite3 has no encryption, so a password makes opening fail: the message must still hide it.
        var withPassword = $"Data Source={_db.FilePath};Password=hunter2-secret";
        var missingFolder = $"Data Source={Path.Combine(_db.Folder, "missing", "x.db")};Mode=ReadWrite";

        var passwordFailure = await FailureAsync(Config(withPassword, "SELECT 1"));
        var folderFailure = await FailureAsync(Config(missingFolder, "SELECT 1"));
        var keywordFailure = await FailureAsync(Config(withPassword + ";Colour=blue", "SELECT 1"));

        passwordFailure.Message.Should().StartWith("Could not connect to the SQLite database").And.NotContain("hunter2");
        folderFailure.Message.Should().Contain("unable to open database file").And.NotContain(_db.Folder);
        keywordFailure.Message.Should().StartWith("The connection string is not valid for SQLite").And.Contain("colour").And.NotContain("hunter2");
    }

    [Theory]
    [InlineData("sql_server", "Server=127.0.0.1,{0};Database=app;User Id=sa;Password=S3cret-pw!;TrustServerCertificate=True", "SQL Server")]
    [InlineData("postgresql", "Host=127.0.0.1;Port={0};Database=app;Username=app;Password=S3cret-pw!", "PostgreSQL")]
    public async Task An_unreachable_server_fails_within_the_timeout_retryable_and_without_the_password(string provider, string connectionString, string name)
    {
        var config = Config(string.Format(connectionString, ClosedPort.Next()), "SELECT 1");
        config["provider"] = provider;
        config["timeout"] = 3;
        var watch = Stopwatch.StartNew();

        var failure = await FailureAsync(config);

        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(6), "the node's timeout bounds connecting");
        failure.Message.Should().StartWith($"Could not connect to the {name} database").And.NotContain("S3cret-pw!");
        failure.Retryable.Should().BeTrue();
    }
}
