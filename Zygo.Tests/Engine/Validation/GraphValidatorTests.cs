using System.ComponentModel.DataAnnotations;
using System.Text.Json.Nodes;
using Zygo.Engine.Execution;
using Zygo.Engine.Graph;
using Zygo.Engine.Nodes;
using Zygo.Engine.Nodes.Loop;
using Zygo.Engine.Validation;
using Zygo.Tests.Engine.Runner;
using static Zygo.Tests.Engine.Runner.RunnerHarness;

namespace Zygo.Tests.Engine.Validation;

public sealed class GraphValidatorTests
{
    private readonly GraphValidator _validator = new(new NodeTypeRegistry(
    [
        new TestNodeTypes.Start(), new TestNodeTypes.Emit(), new LoopNodeType(), new NeedsUrl(), new FakeAgent(),
    ]));

    [Fact]
    public void A_sound_graph_has_no_problems()
    {
        var graph = Graph([Node("start", "trigger"), Node("a", "test_emit", new() { ["value"] = "{{nodes.start.output.x}} {{input.y}}" })],
            Edge("start", "a"));

        _validator.Validate(graph).Should().BeEmpty();
    }

    [Fact]
    public void Reports_an_unknown_node_type_naming_the_node()
    {
        var problems = _validator.Validate(Graph([Node("start", "trigger"), Node("x", "teleport")], Edge("start", "x")));

        problems.Should().ContainSingle(p => p.Code == "unknown_type" && p.NodeId == "x" && p.Message.Contains("teleport"));
    }

    [Fact]
    public void Reports_missing_required_config()
    {
        var problems = _validator.Validate(Graph([Node("start", "trigger"), Node("call", "needs_url", new() { ["url"] = "  " })],
            Edge("start", "call")));

        problems.Should().ContainSingle(p => p.Code == "missing_config" && p.NodeId == "call" && p.Message.Contains("'url'"));
    }

    [Fact]
    public void Reports_an_edge_to_a_missing_node()
    {
        var problems = _validator.Validate(Graph([Node("start", "trigger")], Edge("start", "ghost")));

        problems.Should().ContainSingle(p => p.Code == "missing_node" && p.Message.Contains("ghost") && p.NodeId == "start");
    }

    [Fact]
    public void Reports_a_cycle_outside_a_loop_with_its_nodes()
    {
        var problems = _validator.Validate(Graph([Node("start", "trigger"), Node("a", "test_emit"), Node("b", "test_emit")],
            Edge("start", "a"), Edge("a", "b"), Edge("b", "a")));

        problems.Should().ContainSingle(p => p.Code == "cycle").Which.Message.Should().Contain("a → b → a");
    }

    [Fact]
    public void A_loop_body_leading_back_into_its_loop_is_not_a_cycle()
    {
        var graph = Graph([Node("start", "trigger"), Node("each", "loop"), Node("step", "test_emit")],
            Edge("start", "each"), Edge("each", "step", "body"), Edge("step", "each"));

        _validator.Validate(graph).Should().NotContain(p => p.Code == "cycle");
    }

    [Fact]
    public void Agent_tool_edges_in_both_directions_are_not_cycles()
    {
        var graph = Graph([Node("start", "trigger"), Node("agent", "ai_agent"), Node("tool", "test_emit")],
            Edge("start", "agent"), Edge("agent", "tool"), Edge("tool", "agent"));

        _validator.Validate(graph).Should().BeEmpty();
    }

    [Fact]
    public void Reports_a_missing_trigger_and_a_second_trigger()
    {
        _validator.Validate(Graph([Node("a", "test_emit")])).Should().ContainSingle(p => p.Code == "no_trigger");
        _validator.Validate(Graph([Node("t1", "trigger"), Node("t2", "trigger")]))
            .Should().ContainSingle(p => p.Code == "multiple_triggers" && p.NodeId == "t2");
    }

    [Fact]
    public void Reports_a_tool_edge_between_nodes_that_are_not_agents()
    {
        var graph = Graph([Node("start", "trigger"), Node("a", "test_emit")],
            new GraphEdge { Id = "t", Source = "start", Target = "a", TargetHandle = "tool" });

        _validator.Validate(graph).Should().ContainSingle(p => p.Code == "tool_edge_without_agent" && p.EdgeId == "t");
    }

    [Theory]
    [InlineData("{{nodes.nobody.output.x}}", "no node 'nobody'")]
    [InlineData("{{secrets.KEY}}", "'secrets' is not something")]
    [InlineData("{{env.MISSING_KEY}}", "no variable named MISSING_KEY")]
    [InlineData("{{MISSING_KEY}}", "no variable named MISSING_KEY")]
    public void Reports_a_reference_that_cannot_resolve(string template, string expected)
    {
        var graph = Graph([Node("start", "trigger"), Node("a", "test_emit", new() { ["value"] = new JsonObject { ["deep"] = $"x {template}" } })],
            Edge("start", "a"));

        var problems = _validator.Validate(graph, new HashSet<string> { "OPENAI_KEY" });

        problems.Should().ContainSingle(p => p.Code == "unresolvable_reference" && p.NodeId == "a").Which.Message.Should().Contain(expected);
    }

    [Fact]
    public void Known_variables_and_node_labels_resolve()
    {
        var graph = Graph([Node("start", "trigger"), new GraphNode { Id = "n1", Type = "test_emit", Label = "Fetch data" },
                Node("a", "test_emit", new() { ["value"] = "{{OPENAI_KEY}} {{env.OPENAI_KEY}} {{nodes.Fetch data.output}}" })],
            Edge("start", "n1"), Edge("n1", "a"));

        _validator.Validate(graph, new HashSet<string> { "OPENAI_KEY" }).Should().BeEmpty();
    }

    private sealed class UrlConfig
    {
        [Required]
        public string Url { get; init; } = "";
    }

    private sealed class NeedsUrl : NodeType<UrlConfig>
    {
        public override string Id => "needs_url";
        public override string Label => "Needs URL";
        public override NodeCategory Category => NodeCategory.Integration;
        public override string Icon => "Globe";
        public override string Color => "#000";
        public override string Description => "test";

        protected override Task<NodeOutcome> ExecuteAsync(NodeContext context, UrlConfig config, CancellationToken ct) =>
            Task.FromResult(NodeOutcome.Of(null));
    }

    private sealed class FakeAgent : NodeType<TestNodeTypes.Empty>
    {
        public override string Id => "ai_agent";
        public override string Label => "Agent";
        public override NodeCategory Category => NodeCategory.CoreOrchestration;
        public override string Icon => "Brain";
        public override string Color => "#000";
        public override string Description => "test";

        protected override Task<NodeOutcome> ExecuteAsync(NodeContext context, TestNodeTypes.Empty config, CancellationToken ct) =>
            Task.FromResult(NodeOutcome.Of(null));
    }
}
