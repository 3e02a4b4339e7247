using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Zygo.Engine.Execution;
using Zygo.Engine.Nodes.Operations.Security;

namespace Zygo.Tests.Engine.Operations;

public sealed class SecurityValidationTests : IDisposable
{
    private const string PersonSchema = """
        {
          "type": "object",
          "required": ["name", "age"],
          "properties": {
            "name": { "type": "string" },
            "age": { "type": "integer", "minimum": 0 },
            "tags": { "type": "array", "items": { "type": "string" } },
            "password": { "type": "integer" }
          }
        }
        """;

    private readonly NodeHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    private Task<NodeOutcome> RunAsync(JsonObject config, JsonNode? input) => _harness.RunAsync<SecurityNodeType>(config, input);

    private static JsonObject Validate(string schema, bool? failOnInvalid = null)
    {
        var config = new JsonObject { ["operation"] = "validate_schema", ["schema"] = schema };
        if (failOnInvalid is { } fail)
        {
            config["failOnInvalid"] = fail;
        }

        return config;
    }

    [Theory]
    [InlineData("null", "must be a JSON object")]
    [InlineData("[1, 2]", "must be a JSON object")]
    [InlineData("{ \"type\": \"object\", \"properties\": { \"name\": { \"type\": \"string\", \"pattern\": \"([a-z\" } } }", "not a usable JSON schema")]
    public async Task A_schema_that_is_not_an_object_or_has_a_broken_pattern_is_a_clear_config_error(string schema, string expected)
    {
        var act = () => RunAsync(Validate(schema), new JsonObject { ["name"] = "Ada" });

        (await act.Should().ThrowAsync<NodeFailedException>()).Which.Message.Should().Contain(expected);
    }

    [Fact]
    public async Task Valid_data_passes_with_no_errors_and_is_handed_on()
    {
        var input = JsonNode.Parse("""{ "name": "Ada", "age": 36, "tags": ["math"] }""");

        var outcome = await RunAsync(Validate(PersonSchema), input);

        outcome.Output!["valid"]!.GetValue<bool>().Should().BeTrue();
        outcome.Output["errors"]!.AsArray().Should().BeEmpty();
        JsonNode.DeepEquals(outcome.Output["data"], input).Should().BeTrue();
        _harness.Logs.Should().Contain("The data matches the schema.");
    }

    [Fact]
    public async Task Invalid_data_fails_the_node_listing_every_error()
    {
        var input = JsonNode.Parse("""{ "age": -1, "tags": ["ok", 2] }""");

        var act = () => RunAsync(Validate(PersonSchema), input);

        var failure = (await act.Should().ThrowAsync<NodeFailedException>()).Which;
        failure.Retryable.Should().BeFalse();
        failure.Message.Should().StartWith("The data does not match the schema:")
            .And.Contain("$.name: property required")
            .And.Contain("$.age: number too small")
            .And.Contain("$.tags[1]: array item not valid ($.tags[1]: string expected)");
    }

    [Fact]
    public async Task With_failOnInvalid_false_the_output_says_invalid_and_lists_each_error()
    {
        var input = JsonNode.Parse("""{ "age": -1, "tags": ["ok", 2] }""");

        var outcome = await RunAsync(Validate(PersonSchema, failOnInvalid: false), input);

        outcome.Output!["valid"]!.GetValue<bool>().Should().BeFalse();
        var errors = outcome.Output["errors"]!.AsArray().Select(e => (Path: (string)e!["path"]!, Kind: (string)e["kind"]!)).ToList();
        errors.Should().BeEquivalentTo([
            ("$.name", "property_required"),
            ("$.age", "number_too_small"),
            ("$.tags[1]", "array_item_not_valid"),
        ]);
        JsonNode.DeepEquals(outcome.Output["data"], input).Should().BeTrue();
    }

    [Fact]
    public async Task Error_messages_never_carry_the_offending_values()
    {
        var input = JsonNode.Parse("""{ "name": "Ada", "age": 36, "password": "hunter2-very-secret" }""");

        var act = () => RunAsync(Validate(PersonSchema), input);

        var failure = (await act.Should().ThrowAsync<NodeFailedException>()).Which;
        failure.Message.Should().Contain("$.password: integer expected").And.NotContain("hunter2");
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("[1, 2]")]
    [InlineData("""{ "$ref": "#/definitions/missing" }""")]
    public async Task A_schema_that_cannot_be_read_is_a_configuration_error(string schema)
    {
        var act = () => RunAsync(Validate(schema), new JsonObject());

        (await act.Should().ThrowAsync<NodeFailedException>()).Which.Message.Should().StartWith("'schema' is not a usable JSON schema:");
    }

    [Fact]
    public async Task Validating_without_a_schema_says_the_schema_is_required()
    {
        var act = () => RunAsync(new JsonObject { ["operation"] = "validate_schema" }, new JsonObject());

        (await act.Should().ThrowAsync<NodeFailedException>()).Which.Message.Should().StartWith("'schema' is required");
    }

    [Fact]
    public async Task A_schema_referring_to_a_url_is_refused_without_fetching_it()
    {
        var hits = 0;
        var app = WebApplication.CreateBuilder().Build();
        app.MapGet("/person.json", () =>
        {
            Interlocked.Increment(ref hits);
            return Results.Text("""{ "type": "object" }""", "application/json");
        });
        app.Urls.Add("http://127.0.0.1:0");
        await app.StartAsync();
        try
        {
            var schema = $$"""{ "$ref": "{{app.Urls.Single()}}/person.json" }""";

            var act = () => RunAsync(Validate(schema), new JsonObject());

            (await act.Should().ThrowAsync<NodeFailedException>()).Which.Message.Should()
                .Contain("only references inside the schema (#/…) are allowed");
            hits.Should().Be(0);
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    [Fact]
    public async Task Data_can_be_a_reference_into_the_input()
    {
        var input = JsonNode.Parse("""{ "body": { "name": "Ada", "age": 36 }, "other": 1 }""");
        var config = Validate(PersonSchema);
        config["data"] = "{{input.body}}";

        var outcome = await RunAsync(config, input);

        outcome.Output!["valid"]!.GetValue<bool>().Should().BeTrue();
        JsonNode.DeepEquals(outcome.Output["data"], input!["body"]).Should().BeTrue();
    }

    [Fact]
    public async Task A_data_reference_that_leads_nowhere_is_reported_rather_than_checking_null()
    {
        var config = Validate(PersonSchema);
        config["data"] = "{{input.bdoy}}";

        var act = () => RunAsync(config, JsonNode.Parse("""{ "body": {} }"""));

        (await act.Should().ThrowAsync<NodeFailedException>()).Which.Message.Should()
            .Be("'data' refers to {{input.bdoy}}, which does not exist in this run.");
    }

    [Fact]
    public async Task Both_validates_the_original_then_hands_on_a_redacted_copy()
    {
        var input = JsonNode.Parse("""{ "name": "Ada", "age": 36, "email": "ada@example.com" }""");
        var config = Validate(PersonSchema);
        config["operation"] = "both";

        var outcome = await RunAsync(config, input);

        outcome.Output!["valid"]!.GetValue<bool>().Should().BeTrue();
        outcome.Output["data"]!["email"]!.GetValue<string>().Should().Be("[REDACTED:email]");
        outcome.Output["redactions"]!.ToJsonString().Should().Be("""[{"path":"$.email","kind":"email"}]""");
    }
}
