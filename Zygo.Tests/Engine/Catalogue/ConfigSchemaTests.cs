using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using NJsonSchema;
using Zygo.Engine;
using Zygo.Engine.Nodes;
using Zygo.Engine.Nodes.Ai;
using Zygo.Engine.Nodes.Schema;
using Zygo.Engine.Nodes.Trigger;
using Zygo.Tests.Infrastructure;

namespace Zygo.Tests.Engine.Catalogue;

/// <summary>The config schema and default config every node type derives from its config record.</summary>
public sealed class ConfigSchemaTests : IDisposable
{
    private readonly NodeHarness _harness = new();

    private IReadOnlyCollection<INodeType> Types => _harness.Services.GetRequiredService<NodeTypeRegistry>().All;

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task Every_type_has_a_valid_object_schema_with_properties()
    {
        foreach (var type in Types)
        {
            var json = NodeTypeSchemas.For(type).Schema.GetRawText();
            var schema = await JsonSchema.FromJsonAsync(json);

            schema.Type.Should().Be(JsonObjectType.Object, type.Id);
            schema.ActualProperties.Should().NotBeEmpty(type.Id);
            JsonNode.Parse(NodeTypeSchemas.For(type).Defaults.GetRawText())!.AsObject().Select(p => p.Key)
                .Should().BeSubsetOf(JsonNode.Parse(json)!["properties"]!.AsObject().Select(p => p.Key),
                    "{0} has a field in its schema for each default", type.Id);
        }
    }

    [Fact]
    public async Task Every_default_config_matches_its_own_schema()
    {
        foreach (var type in Types)
        {
            var (schemaJson, defaults) = NodeTypeSchemas.For(type);
            var schema = await JsonSchema.FromJsonAsync(schemaJson.GetRawText());

            schema.Validate(defaults.GetRawText()).Select(e => e.ToString()).Should().BeEmpty(type.Id);
        }
    }

    [Fact]
    public void Every_default_config_reads_back_as_its_config_record_unchanged()
    {
        foreach (var type in Types)
        {
            var defaults = NodeTypeSchemas.For(type).Defaults;

            var config = defaults.Deserialize(type.ConfigType, EngineJson.Options);

            config.Should().NotBeNull(type.Id).And.BeOfType(type.ConfigType);
            var again = JsonSerializer.SerializeToElement(config, type.ConfigType, EngineJson.Options);
            JsonElement.DeepEquals(again, defaults).Should().BeTrue($"{type.Id}: {defaults} became {again}");
        }
    }

    [Fact]
    public void Every_enum_of_every_config_is_listed_as_workflows_write_it()
    {
        foreach (var type in Types)
        {
            var listed = EnumLists(JsonNode.Parse(NodeTypeSchemas.For(type).Schema.GetRawText())!).ToList();

            foreach (var enumType in EnumsReachableFrom(type.ConfigType))
            {
                listed.Should().ContainEquivalentOf(JsonEnumNames.Of(enumType), o => o.WithStrictOrdering(),
                    "{0} lists the values of {1} as serialized", type.Id, enumType.Name);
            }
        }
    }

    [Fact]
    public void Enum_values_are_snake_case_or_their_declared_names()
    {
        JsonEnumNames.Of(typeof(ModelProvider)).Should().Equal("openai", "azure", "openai_compatible", "anthropic", "offline");
        JsonEnumNames.Of(typeof(MemoryExpiry)).Should().Equal("never", "1h", "1d", "7d", "30d", "custom");
        JsonEnumNames.Of(typeof(WebhookMethod)).Should().Equal("GET", "POST", "PUT", "PATCH", "DELETE");

        var agent = Schema<AiAgentNodeType>();
        Definition(agent, agent["properties"]!["provider"]!)["enum"]!.AsArray().Select(v => v!.GetValue<string>())
            .Should().Equal("openai", "azure", "openai_compatible", "anthropic", "offline");
    }

    [Fact]
    public void Doc_comments_become_descriptions_and_shared_fields_come_first()
    {
        var agent = Schema<AiAgentNodeType>();
        var properties = agent["properties"]!.AsObject();

        agent["description"]!.GetValue<string>().Should().Contain("AI Agent");
        properties["temperature"]!["description"]!.GetValue<string>().Should().Contain("0 to 2");
        properties["toolTimeout"]!["description"]!.GetValue<string>().Should().Contain("milliseconds");
        properties.Select(p => p.Key).Should().StartWith(["provider", "model", "endpoint", "apiKey", "apiKeyVariableId"]);
        properties.Select(p => p.Key).Should().Contain(
        [
            "temperature", "maxTokens", "systemPrompt", "agentType", "maxIterations", "toolTimeout",
            "returnIntermediateSteps", "enableStreaming",
        ]);
    }

    [Fact]
    public void The_spec_defaults_of_the_ai_agent_and_trigger()
    {
        var agent = Defaults<AiAgentNodeType>();
        agent["provider"]!.GetValue<string>().Should().Be("offline");
        agent["temperature"]!.GetValue<double>().Should().Be(0.7);
        agent["maxTokens"]!.GetValue<int>().Should().Be(1000);
        agent["agentType"]!.GetValue<string>().Should().Be("tools");
        agent["maxIterations"]!.GetValue<int>().Should().Be(10);
        agent["toolTimeout"]!.GetValue<int>().Should().Be(30000);

        var trigger = Defaults<TriggerNodeType>();
        trigger["triggerMode"]!.GetValue<string>().Should().Be("manual");
        trigger["scheduleConfig"]!["type"]!.GetValue<string>().Should().Be("interval");
        trigger["webhookConfig"]!["method"]!.GetValue<string>().Should().Be("POST");
    }

    [Fact]
    public void One_model_connection_serves_the_agent_the_llm_and_the_planner()
    {
        typeof(AIAgentConfigData).Should().BeDerivedFrom<ModelConnection>();
        typeof(LLMConfigData).Should().BeDerivedFrom<ModelConnection>();
        typeof(PlannerConfigData).GetProperty(nameof(PlannerConfigData.Planner))!.PropertyType.Should().Be<ModelConnection>();
        typeof(PlannerConfigData).GetProperty(nameof(PlannerConfigData.Synthesizer))!.PropertyType.Should().BeDerivedFrom<ModelConnection>();

        var planner = Defaults<PlannerNodeType>();
        planner["planner"]!["provider"]!.GetValue<string>().Should().Be("offline");
        planner["synthesizer"]!["model"]!.GetValue<string>().Should().Be("offline");
        planner["synthesizer"]!["enabled"]!.GetValue<bool>().Should().BeFalse("a synthesizer is used only when switched on");
    }

    [Fact]
    public void Free_form_json_fields_are_any_object_or_any_value()
    {
        var schema = JsonNode.Parse(NodeTypeSchemas.For(typeof(FreeFormConfig)).Schema.GetRawText())!["properties"]!;

        schema["filters"]!.ToJsonString().Should().Be("""{"type":"object"}""");
        schema["value"]!.ToJsonString().Should().Be("{}", "any JSON value is allowed");
    }

    public sealed record FreeFormConfig
    {
        public JsonObject Filters { get; init; } = [];
        public JsonNode Value { get; init; } = new JsonObject();
    }

    [Fact]
    public void The_schema_is_computed_once_per_config_type()
    {
        var type = _harness.NodeType<LlmNodeType>();

        NodeTypeSchemas.For(type).Should().BeSameAs(NodeTypeSchemas.For(type));
    }

    [Fact]
    public async Task The_demo_workflows_and_templates_configs_match_the_schemas_of_their_types_and_bind()
    {
        // Types not registered yet are skipped; each one that lands is checked from then on.
        var registered = Types.Select(t => t.Id).ToHashSet();
        var seeding = Path.Combine(RepositoryRoot.Path, "Zygo.Web", "Seeding");
        var files = new[] { "DemoWorkflows", "Templates" }.SelectMany(f => Directory.GetFiles(Path.Combine(seeding, f), "*.json")).ToList();
        files.Should().HaveCountGreaterThanOrEqualTo(10);
        var checkedNodes = 0;
        foreach (var file in files)
        {
            foreach (var node in JsonNode.Parse(await File.ReadAllTextAsync(file))!["nodes"]!.AsArray())
            {
                var id = node!["type"]!.GetValue<string>();
                if (!registered.Contains(id))
                {
                    continue;
                }

                var type = Types.Single(t => t.Id == id);
                var config = node["config"]!.ToJsonString();
                var schema = await JsonSchema.FromJsonAsync(NodeTypeSchemas.For(type).Schema.GetRawText());
                schema.Validate(config).Select(e => e.ToString()).Should().BeEmpty($"{Path.GetFileName(file)}: {id}");
                JsonSerializer.Deserialize(config, type.ConfigType, EngineJson.Options).Should().NotBeNull();
                checkedNodes++;
            }
        }

        checkedNodes.Should().BeGreaterThan(50);
    }

    private JsonNode Schema<T>() where T : INodeType =>
        JsonNode.Parse(NodeTypeSchemas.For(_harness.NodeType<T>()).Schema.GetRawText())!;

    private JsonObject Defaults<T>() where T : INodeType =>
        JsonNode.Parse(NodeTypeSchemas.For(_harness.NodeType<T>()).Defaults.GetRawText())!.AsObject();

    /// <summary>The definition a property refers to, directly or (when it has its own description) through oneOf.</summary>
    private static JsonNode Definition(JsonNode schema, JsonNode property)
    {
        var reference = (property["$ref"] ?? property["oneOf"]![0]!["$ref"])!.GetValue<string>();
        return schema["definitions"]![reference["#/definitions/".Length..]]!;
    }

    /// <summary>Every "enum" array anywhere in the schema.</summary>
    private static IEnumerable<List<string>> EnumLists(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["enum"] is JsonArray values)
                {
                    yield return values.Select(v => v!.GetValue<string>()).ToList();
                }

                foreach (var (_, child) in obj)
                {
                    foreach (var list in child is null ? [] : EnumLists(child))
                    {
                        yield return list;
                    }
                }

                break;
            case JsonArray array:
                foreach (var list in array.OfType<JsonNode>().SelectMany(EnumLists))
                {
                    yield return list;
                }

                break;
        }
    }

    /// <summary>The enum types a config record uses, through nested records, lists and nullables.</summary>
    private static HashSet<Type> EnumsReachableFrom(Type configType)
    {
        var found = new HashSet<Type>();
        var seen = new HashSet<Type>();
        var pending = new Stack<Type>([configType]);
        while (pending.TryPop(out var type))
        {
            type = Nullable.GetUnderlyingType(type) ?? type;
            if (!seen.Add(type))
            {
                continue;
            }

            if (type.IsEnum)
            {
                found.Add(type);
            }
            else if (type.IsGenericType)
            {
                type.GetGenericArguments().ToList().ForEach(pending.Push);
            }
            else if (type.Namespace?.StartsWith("Zygo.", StringComparison.Ordinal) == true)
            {
                type.GetProperties(BindingFlags.Public | BindingFlags.Instance).ToList().ForEach(p => pending.Push(p.PropertyType));
            }
        }

        return found;
    }
}
