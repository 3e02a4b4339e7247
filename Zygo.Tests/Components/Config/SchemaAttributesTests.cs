using System.ComponentModel.DataAnnotations;
using System.Text.Json.Nodes;
using Bunit;
using Zygo.Engine.Execution;
using Zygo.Engine.Nodes;

namespace Zygo.Tests.Components.Config;

/// <summary>
/// What a config record declares reaches the form through its schema: [Required] marks the field, [Range] sets the
/// number's limits, nested records become sections and lists of records add/remove lists.
/// </summary>
public sealed class SchemaAttributesTests(ConfigFormApp app) : ConfigFormTestBase(app), IClassFixture<ConfigFormApp>
{
    protected override NodeTypeRegistry Registry(NodeTypeRegistry app) => new(app.All.Append(new CheckedNodeType()));

    [Fact]
    public void A_required_field_is_marked_and_a_declared_range_is_enforced()
    {
        var form = RenderForm(CheckedNodeType.TypeId);

        form.Find("#cfg-target").GetAttribute("aria-required").Should().Be("true");
        form.Find("label[for=cfg-target]").TextContent.Should().Contain("*");
        form.Find("#cfg-level").GetAttribute("min").Should().Be("1");
        form.Find("#cfg-level").GetAttribute("max").Should().Be("5");

        Type(form, "cfg-level", "6");

        form.WaitForAssertion(() => ErrorOf(form, "level").Should().Be("Between 1 and 5."));
        Published.Should().BeEmpty();
    }

    [Fact]
    public void A_nested_record_is_a_section_that_folds_away()
    {
        var form = RenderForm(CheckedNodeType.TypeId);
        var toggle = FieldOf(form, "limits").QuerySelector("button.zygo-config-section-toggle")!;
        toggle.GetAttribute("aria-expanded").Should().Be("true");

        Type(form, "cfg-limits-ceiling", "7");
        Published.Last().ToJsonString().Should().Be("""{"limits":{"ceiling":7}}""");

        Act(form, () => FieldOf(form, "limits").QuerySelector("button.zygo-config-section-toggle")!.Click());
        form.WaitForAssertion(() => form.FindAll("#cfg-limits-ceiling").Should().BeEmpty());
        FieldOf(form, "limits").QuerySelector("button.zygo-config-section-toggle")!.GetAttribute("aria-expanded").Should().Be("false");
    }

    [Fact]
    public void A_list_of_records_adds_and_removes_items()
    {
        var form = RenderForm(CheckedNodeType.TypeId);

        Act(form, () => form.Find("[data-testid=object-list-add]").Click());
        form.WaitForAssertion(() => form.FindAll("[data-testid=object-list-item]").Should().HaveCount(1));
        Type(form, "cfg-steps-0-name", "first");
        Act(form, () => form.Find("[data-testid=object-list-add]").Click());
        form.WaitForAssertion(() => form.FindAll("[data-testid=object-list-item]").Should().HaveCount(2));
        Type(form, "cfg-steps-1-name", "second");
        form.WaitForAssertion(() => Published.Last()["steps"]!.ToJsonString().Should().Be("""[{"name":"first"},{"name":"second"}]"""));

        Act(form, () => form.Find("[aria-label='Remove Steps 1']").Click());

        form.WaitForAssertion(() => Published.Last()["steps"]!.ToJsonString().Should().Be("""[{"name":"second"}]"""));
    }

    [Fact]
    public void The_trigger_unfolds_only_the_section_of_its_mode()
    {
        var form = RenderForm("trigger", new JsonObject { ["triggerMode"] = "webhook" });

        Expanded(form, "webhookConfig").Should().Be("true");
        Expanded(form, "chatConfig").Should().Be("false");
        Expanded(form, "scheduleConfig").Should().Be("false");
    }

    private static string? Expanded(IRenderedComponent<Zygo.Web.Components.Editor.Config.NodeConfigForm> form, string path) =>
        FieldOf(form, path).QuerySelector("button.zygo-config-section-toggle")!.GetAttribute("aria-expanded");

    private sealed class CheckedNodeType : NodeType<CheckedConfig>
    {
        public const string TypeId = "test_checked";

        public override string Id => TypeId;
        public override string Label => "Checked";
        public override NodeCategory Category => NodeCategory.Operations;
        public override string Icon => "Shield";
        public override string Color => "#000000";
        public override string Description => "A node type of the test, declaring limits on its config.";

        protected override Task<NodeOutcome> ExecuteAsync(NodeContext context, CheckedConfig config, CancellationToken cancellationToken) =>
            Task.FromResult(NodeOutcome.Of(null));
    }

    private sealed record CheckedConfig
    {
        [Required]
        public string Target { get; init; } = "";

        [Range(1, 5)]
        public int Level { get; init; } = 3;

        public CheckedLimits Limits { get; init; } = new();

        public List<CheckedStep> Steps { get; init; } = [];
    }

    private sealed record CheckedLimits
    {
        public int Ceiling { get; init; } = 10;
    }

    private sealed record CheckedStep
    {
        public string Name { get; init; } = "";
    }
}
