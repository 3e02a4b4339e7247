using System.Text.Json;
using System.Text.Json.Nodes;
using Bunit;
using Zygo.Engine;
using Zygo.Engine.Nodes.Flow;
using Zygo.Engine.Nodes.Schema;
using Zygo.Tests.Engine;
using Zygo.Web.Editor.Config;

namespace Zygo.Tests.Components.Config;

/// <summary>The conditional node's conditions editor writes what the engine's conditional node reads and runs.</summary>
public sealed class ConditionsEditorTests(ConfigFormApp app) : ConfigFormTestBase(app), IClassFixture<ConfigFormApp>
{
    [Fact]
    public void The_operator_picker_offers_every_operator_of_the_engine()
    {
        var form = RenderForm("conditional");
        Act(form, () => form.Find("[data-testid=condition-add]").Click());
        form.WaitForElement("#cfg-conditions-0-operator");

        Choose(form, "cfg-conditions-0-operator", "Regex match");

        Options().Select(o => o.TextContent.Trim()).Should().BeEmpty("the list closed after the pick");
        Act(form, () => form.Find("#cfg-conditions-0-operator").Closest(".mud-input-control")!.MouseDown());
        Popovers.WaitForAssertion(() => Options().Select(o => o.TextContent.Trim()).Should().Equal(
            JsonEnumNames.Of(typeof(ConditionOperator)).Select(FieldLabels.Humanize)));
        JsonEnumNames.Of(typeof(ConditionOperator)).Should().HaveCount(13);
    }

    [Fact]
    public async Task Two_conditions_joined_by_AND_give_the_config_the_engine_binds_and_runs()
    {
        var form = RenderForm("conditional", new JsonObject { ["evaluationMode"] = "any" });

        Act(form, () => form.Find("[data-testid=condition-add]").Click());
        Type(form, "cfg-conditions-0-variable", "input.total");
        Choose(form, "cfg-conditions-0-operator", "Greater than");
        Type(form, "cfg-conditions-0-value", "100");
        Act(form, () => form.Find("[data-testid=condition-add]").Click());
        Type(form, "cfg-conditions-1-variable", "input.status");
        Choose(form, "cfg-conditions-1-operator", "Starts with");
        Type(form, "cfg-conditions-1-value", "paid");
        Choose(form, "cfg-conditions-1-logicGate", "AND");

        form.WaitForAssertion(() => Published.Last()["conditions"]!.ToJsonString().Should().Be(
            """[{"id":"condition_1","variable":"input.total","operator":"greater_than","value":"100"},""" +
            """{"id":"condition_2","variable":"input.status","operator":"starts_with","value":"paid","logicGate":"AND"}]"""));
        var config = Published.Last();
        var bound = JsonSerializer.Deserialize<ConditionalConfig>(config, EngineJson.Options)!;
        bound.EvaluationMode.Should().Be(EvaluationMode.Any);
        bound.Conditions.Select(c => (c.Operator, c.LogicGate)).Should().Equal(
            (ConditionOperator.GreaterThan, (LogicGate?)null), (ConditionOperator.StartsWith, LogicGate.And));

        using var harness = new NodeHarness();
        // Mode any alone would fire true on the total; the AND gate makes the status count too.
        (await harness.RunAsync<ConditionalNodeType>(config, new JsonObject { ["total"] = 150, ["status"] = "pending" }))
            .ActiveHandles.Should().Equal("false");
        (await harness.RunAsync<ConditionalNodeType>(config, new JsonObject { ["total"] = 150, ["status"] = "paid in full" }))
            .ActiveHandles.Should().Equal("true");
    }

    [Fact]
    public void Operators_without_a_value_hide_the_value_and_custom_mode_asks_for_branch_ids()
    {
        var form = RenderForm("conditional", new JsonObject
        {
            ["evaluationMode"] = "custom",
            ["conditions"] = new JsonArray(new JsonObject { ["id"] = "vip", ["variable"] = "input.tier", ["operator"] = "is_empty" }),
        });

        form.FindAll("#cfg-conditions-0-value").Should().BeEmpty();
        form.Find("label[for=cfg-conditions-0-id]").TextContent.Should().Be("Branch id");
        form.FindAll("#cfg-conditions-0-logicGate").Should().BeEmpty();
    }

    [Fact]
    public void The_evaluation_mode_sits_above_the_conditions_and_custom_mode_brings_branch_ids()
    {
        var form = RenderForm("conditional", new JsonObject
        {
            ["conditions"] = new JsonArray(new JsonObject { ["id"] = "vip", ["variable"] = "input.tier", ["operator"] = "equals", ["value"] = "gold" }),
        });
        FieldOf(form, "conditions").QuerySelector("[data-fields='evaluationMode']").Should().NotBeNull();
        form.FindAll("#cfg-conditions-0-id").Should().BeEmpty();

        Choose(form, "cfg-evaluationMode", "Custom");

        form.WaitForAssertion(() => form.FindAll("#cfg-conditions-0-id").Should().ContainSingle());
        Published.Last()["evaluationMode"]!.GetValue<string>().Should().Be("custom");
        FieldOf(form, "evaluationMode").TextContent.Should().Contain("fires the output named by its branch id");
    }
}
