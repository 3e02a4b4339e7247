using System.Text.Json.Nodes;
using Bunit;
using MudBlazor.Services;
using Zygo.Web.Components.Editor.Run;

namespace Zygo.Tests.Editor.Run;

/// <summary>The run view's agent steps: a Planner's synthesis shows its model and tokens, and a failed one says the draft stands.</summary>
public sealed class AgentStepsTests : BunitContext
{
    public AgentStepsTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    private static JsonObject Synthesis(string? error) => new()
    {
        ["type"] = "synthesis", ["nodeId"] = "planner", ["model"] = "synth-model",
        ["tokensIn"] = error is null ? 321 : null, ["tokensOut"] = error is null ? 9 : null, ["latencyMs"] = 12.5, ["error"] = error,
    };

    [Fact]
    public void A_synthesis_step_shows_its_model_and_tokens()
    {
        var steps = Render<AgentSteps>(p => p.Add(s => s.Steps, [Synthesis(null)]));

        var step = steps.Find("[data-step-type=synthesis]");
        step.TextContent.Should().Contain("Synthesis").And.Contain("synth-model").And.Contain("321 tokens in · 9 out");
        steps.FindAll("[data-testid=agent-synthesis-error]").Should().BeEmpty();
    }

    [Fact]
    public void A_failed_synthesis_says_the_draft_is_the_answer_and_why()
    {
        var steps = Render<AgentSteps>(p => p.Add(s => s.Steps, [Synthesis("OpenAI rejected the API key (401). <b>x</b>")]));

        var error = steps.Find("[data-testid=agent-synthesis-error]");
        error.TextContent.Should().Contain("the agent's draft is the answer").And.Contain("OpenAI rejected the API key (401). <b>x</b>");
        error.QuerySelector("b").Should().BeNull("the error is text, not markup");
    }
}
