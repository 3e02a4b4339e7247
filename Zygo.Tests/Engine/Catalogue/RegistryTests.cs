using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using NJsonSchema;
using Zygo.Engine.Nodes;

namespace Zygo.Tests.Engine.Catalogue;

/// <summary>What the registry says about each node type: ids, palette data, availability, tool arguments.</summary>
public sealed partial class RegistryTests : IDisposable
{
    private readonly NodeHarness _harness = new();

    private NodeTypeRegistry Registry => _harness.Services.GetRequiredService<NodeTypeRegistry>();

    public void Dispose() => _harness.Dispose();

    [Theory]
    [MemberData(nameof(SpecNodeTypes.Owned), MemberType = typeof(SpecNodeTypes))]
    public void Each_owned_type_is_registered_with_the_spec_label_category_and_icon(string id, string label, NodeCategory category, string icon)
    {
        var type = Registry.Find(id);

        type.Should().NotBeNull($"'{id}' is one of the spec's node types");
        type!.Label.Should().Be(label);
        type.Category.Should().Be(category);
        type.Icon.Should().Be(icon);
        type.Color.Should().MatchRegex("^#[0-9A-F]{6}$");
        type.Description.Should().NotBeNullOrWhiteSpace();
    }

    [Fact]
    public void The_registry_holds_exactly_the_20_node_types_of_the_spec()
    {
        Registry.All.Select(t => t.Id).Should().OnlyHaveUniqueItems().And.BeEquivalentTo(SpecNodeTypes.AllIds);
    }

    [Fact]
    public void Every_type_of_the_catalogue_can_run()
    {
        Registry.All.Where(t => !t.IsAvailable).Should().BeEmpty();
    }

    [Theory]
    [InlineData("ai_agent", "message")]
    [InlineData("planner", "goal")]
    [InlineData("llm", "prompt")]
    [InlineData("rag_context", "query")]
    [InlineData("memory_store", "content")]
    [InlineData("memory_search", "query")]
    [InlineData("knowledge_graph", "operation")]
    [InlineData("entity_query", "operation")]
    public void An_agent_calling_an_ai_type_passes_its_main_argument(string id, string requiredArgument)
    {
        var schema = Registry.Find(id)!.ArgumentSchema;

        schema["properties"]![requiredArgument]!["description"]!.GetValue<string>().Should().NotBeNullOrWhiteSpace();
        schema["required"]!.AsArray().Select(r => r!.GetValue<string>()).Should().Equal(requiredArgument);
    }

    [Fact]
    public void Memory_store_takes_content_key_and_tags()
    {
        var properties = Registry.Find("memory_store")!.ArgumentSchema["properties"]!.AsObject();

        properties.Select(p => p.Key).Should().Equal("content", "key", "tags");
    }

    [Theory]
    [InlineData("knowledge_graph", "neighbours", "paths", "subgraph")]
    [InlineData("entity_query", "create", "update", "find", "delete")]
    public void An_operation_argument_offers_the_operations_as_workflows_write_them(string id, params string[] operations)
    {
        var operation = Registry.Find(id)!.ArgumentSchema["properties"]!["operation"]!;

        operation["enum"]!.AsArray().Select(v => v!.GetValue<string>()).Should().Equal(operations);
    }

    [Fact]
    public async Task Every_argument_schema_is_a_json_schema_of_an_object_with_described_properties()
    {
        foreach (var type in Registry.All)
        {
            var json = type.ArgumentSchema.ToJsonString();
            var schema = await JsonSchema.FromJsonAsync(json);

            schema.Type.Should().Be(JsonObjectType.Object, type.Id);
            var properties = JsonNode.Parse(json)!["properties"]!.AsObject();
            properties.Should().NotBeEmpty(type.Id);
            foreach (var (name, property) in properties)
            {
                name.Should().MatchRegex(CamelCase(), $"{type.Id} names its arguments in camelCase");
                (property!["description"]?.GetValue<string>()).Should().NotBeNullOrWhiteSpace($"{type.Id}.{name} tells the model what to pass");
            }
        }
    }

    [GeneratedRegex("^[a-z][a-zA-Z0-9]*$")]
    private static partial Regex CamelCase();
}
