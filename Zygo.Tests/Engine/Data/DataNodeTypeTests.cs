using System.Text.Json.Nodes;
using Zygo.Engine.Nodes;
using Zygo.Engine.Nodes.Data;
using static Zygo.Tests.Engine.Data.DataTestConfigs;

namespace Zygo.Tests.Engine.Data;

/// <summary>The Data Source node against a real SQLite file: parameters bound, never spliced into the SQL.</summary>
public sealed class DataNodeTypeTests : IDisposable
{
    private const string Insert = "INSERT INTO users (name, email, age) VALUES (@name, @email, @age)";

    private readonly SqliteTestDatabase _db = new();
    private readonly NodeHarness _harness = new();

    public void Dispose()
    {
        _harness.Dispose();
        _db.Dispose();
    }

    private async Task<JsonObject> RunAsync(JsonObject config, JsonNode? input = null, IReadOnlyDictionary<string, string>? env = null) =>
        (await _harness.RunAsync<DataNodeType>(config, input, env)).Output!.AsObject();

    private Task<JsonObject> InsertAsync(string name, string? email = null, long? age = null) =>
        RunAsync(Config(_db.ConnectionString, Insert, "execute", ("name", name), ("@email", email), ("age", age)));

    [Fact]
    public void The_type_is_the_spec_data_source_and_an_agent_fills_parameters_only()
    {
        var type = _harness.NodeType<DataNodeType>();

        type.Id.Should().Be("data");
        type.Label.Should().Be("Data Source");
        type.Category.Should().Be(NodeCategory.Integration);
        type.Icon.Should().Be("Database");
        type.Description.Should().Be("Fetch or store data from various sources");
        type.ArgumentSchema["properties"]!.AsObject().Select(p => p.Key).Should().Equal("parameters");
    }

    [Fact]
    public async Task Execute_inserts_with_parameters_and_returns_the_affected_rows()
    {
        var output = await InsertAsync("Ada", "ada@example.com", 36);

        output["affectedRows"]!.GetValue<int>().Should().Be(1);
        _db.Scalar("SELECT count(*) FROM users WHERE name = 'Ada' AND email = 'ada@example.com' AND age = 36").Should().Be(1);
    }

    [Fact]
    public async Task Execute_reports_every_row_an_update_touched()
    {
        await InsertAsync("Ada", age: 36);
        await InsertAsync("Grace", age: 45);
        await InsertAsync("Linus", age: 20);

        var output = await RunAsync(Config(_db.ConnectionString, "UPDATE users SET age = age + 1 WHERE age > @min", "execute", ("min", 30)));

        output["affectedRows"]!.GetValue<int>().Should().Be(2);
    }

    [Fact]
    public async Task Query_returns_the_matching_rows_with_their_json_types()
    {
        _db.Execute("""
            INSERT INTO users (name, email, age, score, active, avatar, profile, created_at)
            VALUES ('Ada', NULL, 36, 9.5, 1, x'DEADBEEF', '{"lang":"en"}', '2024-05-01T10:00:00Z'),
                   ('Grace', 'grace@example.com', 45, 7.25, 0, NULL, NULL, NULL)
            """);

        var output = await RunAsync(Config(_db.ConnectionString,
            "SELECT name, email, age, score, active, avatar, profile, created_at FROM users WHERE age >= @min ORDER BY id", "query", ("min", 30)));

        output["rowCount"]!.GetValue<int>().Should().Be(2);
        output["truncated"]!.GetValue<bool>().Should().BeFalse();
        var ada = output["rows"]![0];
        var expected = JsonNode.Parse(
            """{"name":"Ada","email":null,"age":36,"score":9.5,"active":true,"avatar":"3q2+7w==","profile":{"lang":"en"},"created_at":"2024-05-01T10:00:00Z"}""");
        JsonNode.DeepEquals(ada, expected).Should().BeTrue(ada!.ToJsonString());
        output["rows"]![1]!["active"]!.GetValue<bool>().Should().BeFalse();
    }

    [Fact]
    public async Task An_injection_attempt_is_stored_as_a_plain_value_and_the_table_survives()
    {
        const string attack = "'; DROP TABLE users; --";

        await InsertAsync(attack, "x@example.com");
        var output = await RunAsync(Config(_db.ConnectionString, "SELECT name FROM users WHERE name = @name", "query", ("name", attack)));

        output["rows"]!.AsArray().Should().ContainSingle().Which!["name"]!.GetValue<string>().Should().Be(attack);
        _db.Scalar("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'users'").Should().Be(1);
    }

    [Fact]
    public async Task Scalar_returns_the_first_column_of_the_first_row_or_null()
    {
        await InsertAsync("Ada", age: 36);
        await InsertAsync("Grace", age: 45);

        var count = await RunAsync(Config(_db.ConnectionString, "SELECT count(*) FROM users WHERE age > @min", "scalar", ("min", 40)));
        var none = await RunAsync(Config(_db.ConnectionString, "SELECT name FROM users WHERE age > @min", "scalar", ("min", 99)));

        count["value"]!.GetValue<long>().Should().Be(1);
        none.Should().ContainKey("value");
        none["value"].Should().BeNull();
    }

    [Fact]
    public async Task Rows_beyond_max_rows_are_cut_off_and_flagged()
    {
        for (var i = 0; i < 5; i++)
        {
            await InsertAsync($"user{i}");
        }

        var cut = Config(_db.ConnectionString, "SELECT name FROM users ORDER BY id");
        cut["maxRows"] = 3;
        var exact = Config(_db.ConnectionString, "SELECT name FROM users ORDER BY id");
        exact["maxRows"] = 5;

        var truncated = await RunAsync(cut);
        var complete = await RunAsync(exact);

        truncated["rowCount"]!.GetValue<int>().Should().Be(3);
        truncated["rows"]!.AsArray().Select(r => r!["name"]!.GetValue<string>()).Should().Equal("user0", "user1", "user2");
        truncated["truncated"]!.GetValue<bool>().Should().BeTrue();
        complete["rowCount"]!.GetValue<int>().Should().Be(5);
        complete["truncated"]!.GetValue<bool>().Should().BeFalse();
    }

    [Fact]
    public async Task Templates_fill_the_connection_string_from_a_variable_and_values_from_the_input_with_their_types()
    {
        var env = new Dictionary<string, string> { ["DB_CONNECTION"] = _db.ConnectionString };
        var config = Config("{{DB_CONNECTION}}", Insert, "execute", ("name", "{{input.name}}"), ("email", "{{input.email}}"), ("age", "{{input.age}}"));

        await RunAsync(config, new JsonObject { ["name"] = "Ada", ["email"] = "ada@example.com", ["age"] = 36 }, env);

        _db.Scalar("SELECT count(*) FROM users WHERE name = 'Ada' AND typeof(age) = 'integer' AND age = 36").Should().Be(1);
    }

    [Fact]
    public async Task A_typed_parameter_converts_text_before_binding()
    {
        var config = Config(_db.ConnectionString, "INSERT INTO users (name, age, active, score) VALUES ('Ada', @age, @active, @score)", "execute");
        config["parameters"] = new JsonArray(
            new JsonObject { ["name"] = "age", ["value"] = "42", ["type"] = "integer" },
            new JsonObject { ["name"] = "active", ["value"] = "yes", ["type"] = "boolean" },
            new JsonObject { ["name"] = "score", ["value"] = "2.5", ["type"] = "decimal" });

        await RunAsync(config);

        _db.Scalar("SELECT count(*) FROM users WHERE typeof(age) = 'integer' AND age = 42 AND active = 1 AND score = 2.5").Should().Be(1);
    }

    [Fact]
    public async Task Objects_are_bound_as_json_text_and_dates_in_iso_8601()
    {
        var config = Config(_db.ConnectionString, "INSERT INTO users (name, profile, created_at) VALUES ('Ada', @profile, @created)", "execute",
            ("profile", new JsonObject { ["lang"] = "en", ["tags"] = new JsonArray("math") }));
        config["parameters"]!.AsArray().Add(new JsonObject { ["name"] = "created", ["value"] = "2024-05-01T12:00:00+02:00", ["type"] = "date_time" });

        await RunAsync(config);
        var output = await RunAsync(Config(_db.ConnectionString, "SELECT profile, created_at FROM users"));

        var row = output["rows"]![0]!;
        JsonNode.DeepEquals(row["profile"], JsonNode.Parse("""{"lang":"en","tags":["math"]}""")).Should().BeTrue();
        DateTimeOffset.Parse(row["created_at"]!.GetValue<string>()).Should().Be(new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task An_agent_fills_the_parameters_by_name_but_cannot_change_the_sql()
    {
        await InsertAsync("Ada", "ada@example.com");
        await InsertAsync("Grace", "grace@example.com");
        var config = Config(_db.ConnectionString, "SELECT name FROM users WHERE email = @email", "query", ("email", "ada@example.com"));
        var arguments = new JsonObject
        {
            ["parameters"] = new JsonObject { ["email"] = "grace@example.com" },
            ["sql"] = "DELETE FROM users",
        };

        var output = await RunAsync(config, arguments);

        output["rows"]!.AsArray().Should().ContainSingle().Which!["name"]!.GetValue<string>().Should().Be("Grace");
        _db.Scalar("SELECT count(*) FROM users").Should().Be(2);
    }

    [Fact]
    public async Task Duplicate_column_names_each_keep_their_value()
    {
        var output = await RunAsync(Config(_db.ConnectionString, "SELECT 1 AS id, 2 AS id, 3"));

        output["rows"]![0]!.ToJsonString().Should().Be("""{"id":1,"id_2":2,"3":3}""");
    }
}
