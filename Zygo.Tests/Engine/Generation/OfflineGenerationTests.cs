using System.Text.Json.Nodes;
using Zygo.Engine.Generation;
using Zygo.Engine.Graph;

namespace Zygo.Tests.Engine.Generation;

/// <summary>The offline generator composes a valid workflow from a prompt's keywords, deterministically, and lays it out.</summary>
public sealed class OfflineGenerationTests : IDisposable
{
    private readonly GenerationHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    private Task<GenerationResult> GenerateAsync(string prompt) =>
        _harness.Get<WorkflowGenerator>().GenerateAsync(GenerationHarness.Tenant, prompt, GenerationHarness.Offline, CancellationToken.None);

    private static readonly string[] PromptList =
    [
        "Every morning fetch the open issues from the GitHub API, summarise them and email the summary to lead@example.com",
        "A chat assistant that answers questions from the knowledge base and remembers what customers tell it",
        "When a webhook request arrives, classify the message and if it is urgent then post to Slack",
        "Every 15 minutes call https://status.example.com/api/health and store the result in memory",
        "An agent that plans the work step by step, fetches data from the API and emails a report",
        "Translate the text I give you",
        "Send me an email",
    ];

    public static TheoryData<string> Prompts => new(PromptList);

    [Theory]
    [MemberData(nameof(Prompts))]
    public async Task Every_prompt_becomes_a_workflow_that_passes_the_engines_validation(string prompt)
    {
        var result = await GenerateAsync(prompt);

        _harness.Validate(result.Workflow).Should().BeEmpty();
        result.Model.IsOffline.Should().BeTrue();
        result.Workflow.Description.Should().Contain(OfflineWorkflowComposer.Label, "offline results are labelled as such");
        result.Workflow.Nodes.Should().OnlyContain(n => n.Position != null && n.Description.Length > 0);
        result.Workflow.Nodes.Select(n => n.Position).Should().OnlyHaveUniqueItems("the layout must not stack nodes");
    }

    [Fact]
    public async Task A_morning_digest_is_a_cron_schedule_and_a_chain_fetch_summarise_email()
    {
        var result = await GenerateAsync(PromptList[0]);

        var trigger = GenerationHarness.Node(result.Workflow, "trigger").Config;
        trigger["triggerMode"]!.GetValue<string>().Should().Be("schedule");
        trigger["scheduleConfig"]!["cronExpression"]!.GetValue<string>().Should().Be("0 0 8 * * ?");
        Chain(result.Workflow).Should().Equal("trigger", "http_api", "llm", "email");
        GenerationHarness.Node(result.Workflow, "email").Config["to"]!.GetValue<string>().Should().Be("lead@example.com");
        GenerationHarness.Node(result.Workflow, "llm").Config["userPromptTemplate"]!.GetValue<string>()
            .Should().StartWith("Summarise").And.Contain("{{nodes.fetch.output}}", "the summary reads what was fetched");
    }

    [Fact]
    public async Task An_if_then_clause_becomes_a_conditional_whose_true_branch_holds_the_later_steps()
    {
        var result = await GenerateAsync(PromptList[2]);

        GenerationHarness.Node(result.Workflow, "trigger").Config["triggerMode"]!.GetValue<string>().Should().Be("webhook");
        var condition = GenerationHarness.Node(result.Workflow, "conditional");
        condition.Config["conditions"]![0]!["value"]!.GetValue<string>().Should().Be("urgent");
        var post = result.Workflow.Nodes.Single(n => n.Label == "Post to Slack");
        result.Workflow.Edges.Should().ContainSingle(e => e.Source == condition.Id && e.Target == post.Id && e.SourceHandle == "true");
    }

    [Fact]
    public async Task A_chat_assistant_is_an_agent_with_its_tools_around_it()
    {
        var result = await GenerateAsync(PromptList[1]);

        var workflow = result.Workflow;
        var agent = GenerationHarness.Node(workflow, "ai_agent");
        var tools = GraphRegions.ToolRoots(workflow.Graph, agent.Id).Select(id => workflow.Graph.Find(id)!).ToList();
        tools.Select(t => t.Type).Should().BeEquivalentTo(["rag_context", "memory_store"]);
        GenerationHarness.Node(workflow, "trigger").Config["triggerMode"]!.GetValue<string>().Should().Be("chat");
        foreach (var tool in tools)
        {
            var distance = Math.Sqrt(Math.Pow(tool.Position!.X - agent.Position!.X, 2) + Math.Pow(tool.Position.Y - agent.Position.Y, 2));
            distance.Should().BeApproximately(320, 1, "tools sit on a circle around the agent");
        }
    }

    [Fact]
    public async Task An_agent_that_plans_gets_a_planner_before_it()
    {
        var result = await GenerateAsync(PromptList[4]);

        var planner = GenerationHarness.Node(result.Workflow, "planner");
        result.Workflow.Edges.Should().Contain(e => e.Source == "trigger" && e.Target == planner.Id)
            .And.Contain(e => e.Source == planner.Id && e.Target == "agent");
        GraphRegions.ToolRoots(result.Workflow.Graph, "agent").Should().NotContain(planner.Id, "a planner feeds the agent; it is not its tool");
    }

    [Fact]
    public async Task The_same_prompt_gives_the_same_workflow()
    {
        var first = await GenerateAsync(PromptList[3]);
        var second = await GenerateAsync(PromptList[3]);

        JsonNode.DeepEquals(first.Workflow.ToJson(), second.Workflow.ToJson()).Should().BeTrue();
        var trigger = GenerationHarness.Node(first.Workflow, "trigger").Config["scheduleConfig"]!;
        trigger["intervalValue"]!.GetValue<int>().Should().Be(15);
        trigger["intervalUnit"]!.GetValue<string>().Should().Be("minutes");
        GenerationHarness.Node(first.Workflow, "http_api").Config["url"]!.GetValue<string>().Should().Be("https://status.example.com/api/health");
    }

    /// <summary>The node types along the flow from the trigger (each node's single successor).</summary>
    private static List<string> Chain(GeneratedWorkflow workflow)
    {
        var graph = workflow.Graph;
        List<string> types = [];
        for (var node = graph.Nodes.Single(n => n.Type == "trigger"); node is not null;
             node = graph.Outgoing(node.Id).Select(e => graph.Find(e.Target)).SingleOrDefault())
        {
            types.Add(node.Type);
        }

        return types;
    }
}
