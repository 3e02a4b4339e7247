using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Zygo.Engine.Execution;
using Zygo.Engine.Nodes.Trigger;

namespace Zygo.Tests.Engine.Catalogue;

/// <summary>The trigger hands the run's input on, checked against the manual input schema when one is set.</summary>
public sealed class TriggerNodeTests : IDisposable
{
    private const string PersonSchema = """
        {
          "type": "object",
          "required": ["name", "age"],
          "properties": {
            "name": { "type": "string" },
            "age": { "type": "integer", "minimum": 0 },
            "address": { "type": "object", "properties": { "city": { "type": "string" } } }
          }
        }
        """;

    private readonly NodeHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    private static JsonObject Manual(string schema) => new()
    {
        ["triggerMode"] = "manual",
        ["manualConfig"] = new JsonObject { ["inputPayload"] = schema },
    };

    [Theory]
    [InlineData("chat")]
    [InlineData("manual")]
    [InlineData("schedule")]
    [InlineData("webhook")]
    public async Task Its_output_is_the_runs_input(string mode)
    {
        var input = JsonNode.Parse("""{ "message": "Where is my order?", "items": [1, 2] }""");

        var outcome = await _harness.RunAsync<TriggerNodeType>(new JsonObject { ["triggerMode"] = mode }, input);

        JsonNode.DeepEquals(outcome.Output, input).Should().BeTrue(outcome.Output?.ToJsonString());
        outcome.Output.Should().NotBeSameAs(input, "the run's input stays the run's own");
        outcome.ActiveHandles.Should().BeNull("every edge out of the trigger fires");
    }

    [Fact]
    public async Task A_run_without_input_starts_from_an_empty_object()
    {
        var outcome = await _harness.RunAsync<TriggerNodeType>(new JsonObject());

        outcome.Output!.ToJsonString().Should().Be("{}");
    }

    [Fact]
    public async Task Manual_input_that_matches_the_schema_is_the_output()
    {
        var input = JsonNode.Parse("""{ "name": "Ada", "age": 36, "address": { "city": "London" } }""");

        var outcome = await _harness.RunAsync<TriggerNodeType>(Manual(PersonSchema), input);

        JsonNode.DeepEquals(outcome.Output, input).Should().BeTrue(outcome.Output?.ToJsonString());
    }

    [Fact]
    public async Task Manual_input_that_does_not_match_fails_listing_every_error()
    {
        var input = JsonNode.Parse("""{ "age": "thirty", "address": { "city": 5 } }""");

        var act = () => _harness.RunAsync<TriggerNodeType>(Manual(PersonSchema), input);

        var failure = (await act.Should().ThrowAsync<NodeFailedException>()).Which;
        failure.Retryable.Should().BeFalse("the same input fails the same way");
        failure.Message.Should().Contain("'Node under test'")
            .And.Contain("#/name: property required")
            .And.Contain("#/age: integer expected")
            .And.Contain("#/address.city: string expected");
    }

    [Fact]
    public async Task A_run_without_input_is_checked_as_an_empty_object()
    {
        var act = () => _harness.RunAsync<TriggerNodeType>(Manual(PersonSchema));

        (await act.Should().ThrowAsync<NodeFailedException>()).Which.Message
            .Should().Contain("#/name: property required").And.Contain("#/age: property required");
    }

    [Theory]
    [InlineData("chat")]
    [InlineData("webhook")]
    public async Task The_manual_schema_applies_only_to_manual_runs(string mode)
    {
        var config = Manual(PersonSchema);
        config["triggerMode"] = mode;

        var outcome = await _harness.RunAsync<TriggerNodeType>(config, new JsonObject { ["message"] = "hi" });

        outcome.Output!["message"]!.GetValue<string>().Should().Be("hi");
    }

    [Theory]
    [InlineData("   ")]
    [InlineData("")]
    public async Task An_empty_schema_accepts_any_input(string schema)
    {
        var outcome = await _harness.RunAsync<TriggerNodeType>(Manual(schema), new JsonArray(1, 2));

        outcome.Output!.ToJsonString().Should().Be("[1,2]");
    }

    [Theory]
    [InlineData("{ \"type\": ", "open JSON object")]
    [InlineData("[1, 2]", "it must be a JSON object")]
    [InlineData("null", "it must be a JSON object")]
    [InlineData("42", "it must be a JSON object")]
    [InlineData("""{ "required": "name" }""", "'required'")]
    [InlineData("""{ "properties": { "a": { "$ref": "#/definitions/missing" } } }""", "#/definitions/missing")]
    public async Task An_invalid_schema_is_a_config_error(string schema, string detail)
    {
        var act = () => _harness.RunAsync<TriggerNodeType>(Manual(schema), new JsonObject());

        var failure = (await act.Should().ThrowAsync<NodeFailedException>()).Which;
        failure.Retryable.Should().BeFalse();
        failure.Message.Should().StartWith("The input schema of 'Node under test' (manualConfig.inputPayload) is not a valid JSON schema: ")
            .And.Contain(detail).And.NotContain("\n");
    }

    [Fact]
    public async Task A_pattern_that_is_not_a_regular_expression_is_a_config_error()
    {
        var act = () => _harness.RunAsync<TriggerNodeType>(Manual("""{ "type": "string", "pattern": "(" }"""), JsonValue.Create("x"));

        (await act.Should().ThrowAsync<NodeFailedException>()).Which.Message
            .Should().StartWith("The input schema of 'Node under test' (manualConfig.inputPayload) is not a valid JSON schema: ")
            .And.Contain("(");
    }

    [Fact]
    public async Task A_schema_cannot_make_the_server_fetch_a_url()
    {
        var requests = 0;
        await using var server = WebApplication.CreateBuilder().Build();
        server.MapGet("/schema.json", () =>
        {
            Interlocked.Increment(ref requests);
            return Results.Text("""{ "type": "object", "required": ["fromTheUrl"] }""", "application/json");
        });
        server.Urls.Add("http://127.0.0.1:0");
        await server.StartAsync();

        var url = server.Urls.Single() + "/schema.json";
        var act = () => _harness.RunAsync<TriggerNodeType>(Manual($$"""{ "$ref": "{{url}}" }"""), new JsonObject());

        (await act.Should().ThrowAsync<NodeFailedException>()).Which.Message
            .Should().Contain($"it refers to '{url}'; only references inside the schema (#/…) are allowed.");
        requests.Should().Be(0);
    }

    [Fact]
    public async Task A_schema_cannot_make_the_server_read_a_file()
    {
        var file = Path.Combine(Path.GetTempPath(), $"zygo-schema-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, """{ "type": "object", "required": ["fromTheFile"] }""");
        try
        {
            foreach (var reference in new[] { file, new Uri(file).AbsoluteUri })
            {
                var act = () => _harness.RunAsync<TriggerNodeType>(Manual($$"""{ "$ref": "{{reference}}" }"""), new JsonObject());

                (await act.Should().ThrowAsync<NodeFailedException>($"'{reference}' is outside the schema")).Which.Message
                    .Should().Contain("is not a valid JSON schema").And.NotContain("fromTheFile");
            }
        }
        finally
        {
            File.Delete(file);
        }
    }
}
