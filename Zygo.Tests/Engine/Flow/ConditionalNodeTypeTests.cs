using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Zygo.Engine;
using Zygo.Engine.Execution;
using Zygo.Engine.Graph;
using Zygo.Engine.Nodes;
using Zygo.Engine.Nodes.Flow;
using Zygo.Engine.Templating;
using static Zygo.Tests.Engine.Flow.ConditionRows;

namespace Zygo.Tests.Engine.Flow;

public sealed class ConditionalNodeTypeTests : IDisposable
{
    private readonly NodeHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task All_mode_fires_true_when_every_condition_holds_and_passes_the_input_on()
    {
        var input = new JsonObject { ["score"] = 0.9, ["lang"] = "en" };

        var outcome = await RunAsync("all", input, Row("high", "input.score", "greater_than", "0.7"), Row("english", "input.lang", "equals", "en"));

        outcome.ActiveHandles.Should().Equal("true");
        outcome.Output!["branch"]!.GetValue<string>().Should().Be("true");
        JsonNode.DeepEquals(outcome.Output["data"], input).Should().BeTrue();
    }

    [Fact]
    public async Task All_mode_fires_false_when_one_condition_fails()
    {
        var outcome = await RunAsync("all", new JsonObject { ["score"] = 0.9, ["lang"] = "fr" },
            Row("high", "input.score", "greater_than", "0.7"), Row("english", "input.lang", "equals", "en"));

        outcome.ActiveHandles.Should().Equal("false");
        outcome.Output!["branch"]!.GetValue<string>().Should().Be("false");
    }

    [Fact]
    public async Task Any_mode_fires_true_when_one_condition_holds()
    {
        var outcome = await RunAsync("any", new JsonObject { ["score"] = 0.1, ["lang"] = "en" },
            Row("high", "input.score", "greater_than", "0.7"), Row("english", "input.lang", "equals", "en"));

        outcome.ActiveHandles.Should().Equal("true");
    }

    [Fact]
    public async Task Any_mode_fires_false_when_no_condition_holds()
    {
        var outcome = await RunAsync("any", new JsonObject { ["score"] = 0.1, ["lang"] = "fr" },
            Row("high", "input.score", "greater_than", "0.7"), Row("english", "input.lang", "equals", "en"));

        outcome.ActiveHandles.Should().Equal("false");
    }

    [Fact]
    public async Task Logic_gates_chain_left_to_right_without_precedence()
    {
        // vip OR big AND paid: (true OR false) AND false = false; with AND before OR it would be true.
        var input = new JsonObject { ["vip"] = true, ["total"] = 10, ["paid"] = false };
        var big = Row("big", "input.total", "gte", "100");
        big["logicGate"] = "OR";
        var paid = Row("paid", "input.paid", "equals", "true");
        paid["logicGate"] = "AND";

        var outcome = await RunAsync("all", input, Row("vip", "input.vip", "equals", "true"), big, paid);

        outcome.ActiveHandles.Should().Equal("false");
    }

    [Fact]
    public async Task An_or_gate_overrides_all_mode()
    {
        var or = Row("english", "input.lang", "equals", "en");
        or["logicGate"] = "OR";

        var outcome = await RunAsync("all", new JsonObject { ["score"] = 0.1, ["lang"] = "en" }, Row("high", "input.score", "greater_than", "0.7"), or);

        outcome.ActiveHandles.Should().Equal("true");
    }

    [Fact]
    public async Task Custom_mode_fires_the_id_of_the_first_condition_that_holds()
    {
        var outcome = await RunAsync("custom", new JsonObject { ["total"] = 5000 },
            Row("small", "input.total", "less_than", "100"), Row("large", "input.total", "gte", "1000"), Row("any", "input.total", "gte", "0"));

        outcome.ActiveHandles.Should().Equal("large");
        outcome.Output!["branch"]!.GetValue<string>().Should().Be("large");
        outcome.Output["results"]!.AsArray().Select(r => r!["result"]!.GetValue<bool>()).Should().Equal(false, true, true);
    }

    [Fact]
    public async Task Custom_mode_fires_the_default_branch_when_nothing_holds()
    {
        var config = Config("custom", Row("large", "input.total", "gte", "1000"));
        config["defaultBranch"] = "standard";

        var outcome = await _harness.RunAsync<ConditionalNodeType>(config, new JsonObject { ["total"] = 5 });

        outcome.ActiveHandles.Should().Equal("standard");
        outcome.Output!["branch"]!.GetValue<string>().Should().Be("standard");
    }

    [Fact]
    public async Task Custom_mode_without_a_default_branch_fires_no_handle()
    {
        var outcome = await RunAsync("custom", new JsonObject { ["total"] = 5 }, Row("large", "input.total", "gte", "1000"));

        outcome.ActiveHandles.Should().BeEmpty();
        outcome.Output!["branch"].Should().BeNull();
    }

    [Fact]
    public async Task Custom_mode_needs_an_id_on_every_condition()
    {
        var act = () => RunAsync("custom", new JsonObject(), Row("", "input.total", "gte", "1000"));

        (await act.Should().ThrowAsync<NodeFailedException>()).Which.Message.Should().Contain("Condition 1").And.Contain("no id");
    }

    [Fact]
    public async Task No_conditions_is_a_clear_error()
    {
        var act = () => RunAsync("all", new JsonObject());

        (await act.Should().ThrowAsync<NodeFailedException>()).Which.Message.Should().Contain("no conditions");
    }

    [Fact]
    public async Task A_missing_variable_counts_as_empty_takes_the_false_branch_and_is_logged()
    {
        var outcome = await RunAsync("all", new JsonObject { ["score"] = 1 }, Row("high", "input.sentiment", "greater_than", "0.7"));

        outcome.ActiveHandles.Should().Equal("false");
        _harness.Logs.Should().ContainSingle(line => line.Contains("'input.sentiment'") && line.Contains("not found"));
    }

    [Fact]
    public async Task A_missing_variable_is_empty()
    {
        var outcome = await RunAsync("all", new JsonObject(), Row("none", "input.note", "is_empty", ""));

        outcome.ActiveHandles.Should().Equal("true");
    }

    [Fact]
    public async Task The_results_show_why_the_branch_was_taken()
    {
        var outcome = await RunAsync("all", new JsonObject { ["score"] = 0.9 }, Row("high", "input.score", "greater_than", "0.7"));

        var result = outcome.Output!["results"]!.AsArray().Single()!;
        JsonNode.DeepEquals(result, new JsonObject
        {
            ["id"] = "high",
            ["variable"] = "input.score",
            ["operator"] = "greater_than",
            ["expected"] = "0.7",
            ["actual"] = 0.9,
            ["result"] = true,
        }).Should().BeTrue(result.ToJsonString());
    }

    [Fact]
    public async Task A_template_variable_is_its_value_with_its_type()
    {
        var outcome = await RunAsync("all", new JsonObject { ["tags"] = new JsonArray("urgent", "billing") },
            Row("urgent", "{{input.tags}}", "contains", "urgent"));

        outcome.ActiveHandles.Should().Equal("true");
    }

    [Fact]
    public async Task A_template_variable_is_a_value_never_looked_up_again_as_a_path()
    {
        // {{input.field}} resolves to the text "input.other": it is compared as such, not read as a path.
        var input = new JsonObject { ["field"] = "input.other", ["other"] = "yes" };

        var outcome = await RunAsync("all", input, Row("literal", "{{input.field}}", "equals", "input.other"));

        outcome.ActiveHandles.Should().Equal("true");
    }

    [Fact]
    public async Task A_template_value_and_a_numeric_value_bind()
    {
        var number = Row("big", "input.total", "gte", "");
        number["value"] = 100;

        var outcome = await RunAsync("all", new JsonObject { ["total"] = 150, ["min"] = 120 }, Row("above", "input.total", "greater_than", "{{input.min}}"), number);

        outcome.ActiveHandles.Should().Equal("true");
    }

    [Fact]
    public async Task A_bare_name_is_a_field_of_the_node_input_and_input_paths_read_the_run_input()
    {
        var scope = new TemplateScope(new JsonObject { ["status"] = "run" });
        var nodeInput = new JsonObject { ["result"] = new JsonObject { ["status"] = "ok" } };

        var outcome = await RunInScopeAsync(Config("all", Row("ok", "result.status", "equals", "ok"), Row("run", "input.status", "equals", "run")), scope, nodeInput);

        outcome.ActiveHandles.Should().Equal("true");
    }

    [Fact]
    public async Task Paths_reach_node_outputs_and_loop_variables()
    {
        var scope = new TemplateScope(new JsonObject(), vars: new JsonObject { ["item"] = new JsonObject { ["score"] = 8 } });
        scope.SetOutput("node-1", "Sum", new JsonObject { ["total"] = 42 });
        var config = Config("all", Row("total", "nodes.sum.output.total", "equals", "42"), Row("score", "vars.item.score", "greater_than", "5"));

        var outcome = await RunInScopeAsync(config, scope);

        outcome.ActiveHandles.Should().Equal("true");
        outcome.Output!["results"]!.AsArray().Select(r => r!["actual"]!.GetValue<int>()).Should().Equal(42, 8);
    }

    [Fact]
    public async Task Values_read_from_the_tenant_variables_are_not_echoed()
    {
        var env = new Dictionary<string, string> { ["API_TOKEN"] = "tok-9f8e7d", ["EXPECTED"] = "tok-9f8e7d" };
        var config = Config("all", Row("token", "{{env.API_TOKEN}}", "equals", "{{EXPECTED}}"), Row("bare", "env.API_TOKEN", "is_not_empty", ""));

        var outcome = await _harness.RunAsync<ConditionalNodeType>(config, new JsonObject(), env);

        outcome.ActiveHandles.Should().Equal("true");
        outcome.Output!.ToJsonString().Should().NotContain("tok-9f8e7d");
        outcome.Output["results"]![0]!["actual"]!.GetValue<string>().Should().Be("***");
    }

    [Fact]
    public async Task An_invalid_pattern_fails_the_node_naming_the_condition()
    {
        var act = () => RunAsync("all", new JsonObject { ["code"] = "A1" }, Row("code", "input.code", "regex_match", "[A-Z"));

        var error = (await act.Should().ThrowAsync<NodeFailedException>()).Which;
        error.Message.Should().Contain("condition 'code' of 'Node under test'").And.Contain("[A-Z");
        error.Retryable.Should().BeFalse();
    }

    [Fact]
    public async Task An_unknown_operator_is_a_config_error_naming_the_field()
    {
        var act = () => RunAsync("all", new JsonObject(), Row("x", "input.a", "bigger", "1"));

        (await act.Should().ThrowAsync<NodeFailedException>()).Which.Message.Should().Contain("conditions[0].operator");
    }

    [Fact]
    public void The_config_writes_in_the_spec_shape()
    {
        var config = new ConditionalConfig
        {
            Conditions = [new Condition { Id = "c1", Variable = "input.total", Operator = ConditionOperator.GreaterThan, Value = "5", LogicGate = LogicGate.Or }],
            EvaluationMode = EvaluationMode.Custom,
        };

        var json = JsonSerializer.SerializeToNode(config, EngineJson.Options)!;

        JsonNode.DeepEquals(json["conditions"]![0], JsonNode.Parse(
            """{ "id": "c1", "variable": "input.total", "operator": "greater_than", "value": "5", "logicGate": "OR" }""")).Should().BeTrue(json.ToJsonString());
        json["evaluationMode"]!.GetValue<string>().Should().Be("custom");
    }

    [Fact]
    public void The_type_is_registered_as_the_spec_names_it()
    {
        var type = _harness.Services.GetRequiredService<NodeTypeRegistry>().Find("conditional");

        type.Should().BeOfType<ConditionalNodeType>();
        (type!.Label, type.Category, type.Icon).Should().Be(("Conditional", NodeCategory.FlowControl, "GitBranch"));
    }

    private Task<NodeOutcome> RunAsync(string mode, JsonNode input, params JsonObject[] conditions) =>
        _harness.RunAsync<ConditionalNodeType>(Config(mode, conditions), input);

    private async Task<NodeOutcome> RunInScopeAsync(JsonObject config, TemplateScope scope, JsonNode? nodeInput = null)
    {
        var node = new GraphNode { Id = "node-under-test", Type = "conditional", Label = "Route", Config = config };
        var context = new NodeContext(node, nodeInput ?? scope.Input, scope, new ExecutionInfo(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()),
            _harness.Services, _harness.Logs.Add);
        return await _harness.NodeType<ConditionalNodeType>().ExecuteAsync(context, CancellationToken.None);
    }

    private static JsonObject Config(string mode, params JsonObject[] conditions) => new()
    {
        ["evaluationMode"] = mode,
        ["conditions"] = new JsonArray(conditions.Cast<JsonNode>().ToArray()),
    };
}
