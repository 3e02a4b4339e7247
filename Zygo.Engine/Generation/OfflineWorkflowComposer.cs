using System.Text.Json.Nodes;
using Zygo.Engine.Graph;

namespace Zygo.Engine.Generation;

/// <summary>
/// The offline generator: composes a workflow from the keywords of a prompt, deterministically and without a model.
/// The trigger follows the prompt's wording (chat, webhook, "every morning", "every 15 minutes", else manual); the
/// recognised steps (<see cref="OfflineStep"/>) become tools of an AI Agent when the prompt asks for an agent or a
/// chat, otherwise a chain in the order the prompt names them, split by a Conditional at an "if … then".
/// </summary>
public static class OfflineWorkflowComposer
{
    public const string Label = "Composed offline from the prompt's keywords (no model was used).";

    public static GeneratedWorkflow Compose(string prompt)
    {
        var text = new PromptText(prompt);
        var trigger = Trigger(text);
        var agentMode = text.Has("agent", "assistant", "chat", "bot", "answer question", "decide", "plan")
            || trigger.Config["triggerMode"]?.GetValue<string>() == "chat";
        var steps = OfflineStep.All
            .Select(s => (Step: s, At: text.IndexOf(s.Keywords)))
            .Where(s => s.At >= 0 && (agentMode || !s.Step.AgentOnly))
            .OrderBy(s => s.At).ThenBy(s => s.Step.Id, StringComparer.Ordinal)
            .ToList();

        List<GraphNode> nodes = [trigger];
        List<GraphEdge> edges = [];
        void Connect(string source, string target, string? handle = null) =>
            edges.Add(new GraphEdge { Id = $"e{edges.Count + 1}", Source = source, Target = target, SourceHandle = handle });

        if (agentMode)
        {
            var entry = trigger.Id;
            if (text.Has("plan", "break down", "step by step"))
            {
                nodes.Add(Planner(text));
                Connect(trigger.Id, "planner");
                entry = "planner";
            }

            nodes.Add(Agent(text));
            Connect(entry, "agent");
            foreach (var (step, _) in steps)
            {
                nodes.Add(step.Build(text, argument => $"input.{argument}"));
                Connect("agent", step.Id);
            }
        }
        else
        {
            ComposeFlow(text, steps.Select(s => (s.Step, s.At)).ToList(), nodes, Connect);
        }

        return new GeneratedWorkflow(text.Title(), $"{text.Text}\n\n{Label}", nodes, edges);
    }

    /// <summary>A chain of the steps; from an "if … then" on, the later steps hang off the Conditional's true branch.</summary>
    private static void ComposeFlow(PromptText text, List<(OfflineStep Step, int At)> steps, List<GraphNode> nodes,
        Action<string, string, string?> connect)
    {
        if (steps.Count == 0)
        {
            steps.Add((OfflineStep.All.Single(s => s.Id == "analyse"), 0));
        }

        var condition = text.Condition;
        var previous = nodes[0].Id;
        var data = previous; // The Conditional passes its input on: steps after it read the node before it.
        string? handle = null;
        var branched = false;
        foreach (var (step, at) in steps)
        {
            if (!branched && condition is { } clause && at > clause.At && previous != nodes[0].Id)
            {
                nodes.Add(Conditional(clause.Text));
                connect(previous, "condition", null);
                previous = "condition";
                handle = "true";
                branched = true;
            }

            var source = data;
            nodes.Add(step.Build(text, _ => $"nodes.{source}.output"));
            connect(previous, step.Id, handle);
            previous = data = step.Id;
            handle = null;
        }
    }

    private static GraphNode Trigger(PromptText text)
    {
        var (label, config) = OfflineTrigger.From(text);
        return new GraphNode { Id = "trigger", Type = "trigger", Label = label, Description = "Starts the workflow.", Config = config };
    }

    private static GraphNode Agent(PromptText text) => new()
    {
        Id = "agent",
        Type = "ai_agent",
        Label = "Agent",
        Description = "Works on the request with the tools wired to it.",
        Config = new JsonObject
        {
            ["provider"] = "offline", ["model"] = "offline", ["agentType"] = "tools", ["maxIterations"] = 8, ["toolTimeout"] = 30000,
            ["temperature"] = 0.3, ["maxTokens"] = 1000,
            ["systemPrompt"] = $"Your task: {text.Text}\nUse the tools wired to you when they help, then answer briefly.",
        },
    };

    private static GraphNode Planner(PromptText text) => new()
    {
        Id = "planner",
        Type = "planner",
        Label = "Plan the work",
        Description = "Breaks the request into steps before the agent starts.",
        Config = new JsonObject { ["executionMode"] = text.Has("ask me", "clarif") ? "interactive" : "autonomous" },
    };

    private static GraphNode Conditional(string condition)
    {
        var word = condition.Split(' ', StringSplitOptions.RemoveEmptyEntries).Last().Trim('.', ',', '!', '?', '"', '\'');
        return new GraphNode
        {
            Id = "condition",
            Type = "conditional",
            Label = "Check condition",
            Description = $"Continues only if {condition} (the previous result contains \"{word}\").",
            Config = new JsonObject
            {
                ["evaluationMode"] = "all",
                ["conditions"] = new JsonArray(new JsonObject { ["id"] = "c1", ["variable"] = "text", ["operator"] = "contains", ["value"] = word }),
            },
        };
    }
}
