using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Zygo.Engine.Graph;
using Zygo.Engine.Nodes;
using Zygo.Engine.Templating;

namespace Zygo.Engine.Validation;

/// <summary>
/// Checks a graph before it runs and reports every problem at once, each naming its node: unknown types, missing
/// required config, edges to nowhere, cycles outside loops, no trigger, tool edges away from an agent, and
/// {{…}} references that cannot resolve.
/// </summary>
public sealed class GraphValidator(NodeTypeRegistry registry)
{
    public const string ToolHandle = "tool";

    /// <param name="knownVariables">The tenant's variable names, to check {{env.X}} and {{X}}; null skips that check.</param>
    public IReadOnlyList<ValidationProblem> Validate(WorkflowGraph graph, IReadOnlySet<string>? knownVariables = null)
    {
        var problems = new List<ValidationProblem>();
        CheckNodes(graph, problems);
        CheckEdges(graph, problems);
        var triggers = graph.Nodes.Where(n => n.Type == GraphRegions.TriggerType).ToList();
        if (triggers.Count == 0)
        {
            problems.Add(new("no_trigger", "The workflow has no trigger: add a Trigger node to start it."));
        }
        else if (triggers.Count > 1)
        {
            problems.AddRange(triggers.Skip(1).Select(t => new ValidationProblem("multiple_triggers",
                $"'{t.DisplayName}' is a second trigger; a workflow starts from one trigger.", t.Id)));
        }

        if (problems.All(p => p.Code is not ("missing_node" or "duplicate_id")))
        {
            CheckCycles(graph, problems);
        }

        CheckReferences(graph, knownVariables, problems);
        return problems;
    }

    private void CheckNodes(WorkflowGraph graph, List<ValidationProblem> problems)
    {
        foreach (var duplicate in graph.Nodes.GroupBy(n => n.Id).Where(g => g.Count() > 1))
        {
            problems.Add(new("duplicate_id", $"Several nodes have the id '{duplicate.Key}'.", duplicate.Key));
        }

        foreach (var node in graph.Nodes)
        {
            if (registry.Find(node.Type) is not { } type)
            {
                problems.Add(new("unknown_type", $"'{node.DisplayName}' has the unknown node type '{node.Type}'.", node.Id));
                continue;
            }

            foreach (var property in RequiredProperties(type.ConfigType))
            {
                var name = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
                if (node.Config[name] is null || node.Config[name] is JsonValue v && v.TryGetValue<string>(out var s) && string.IsNullOrWhiteSpace(s))
                {
                    problems.Add(new("missing_config", $"'{node.DisplayName}' needs '{name}'.", node.Id));
                }
            }
        }
    }

    private static IEnumerable<PropertyInfo> RequiredProperties(Type configType) =>
        configType.GetProperties().Where(p => p.GetCustomAttribute<RequiredAttribute>() is not null);

    private static void CheckEdges(WorkflowGraph graph, List<ValidationProblem> problems)
    {
        foreach (var edge in graph.Edges)
        {
            foreach (var end in new[] { edge.Source, edge.Target }.Where(id => graph.Find(id) is null).Distinct())
            {
                problems.Add(new("missing_node", $"A connection points to '{end}', which is not a node of this workflow.",
                    graph.Find(edge.Source) is null ? null : edge.Source, edge.Id));
            }

            var isTool = edge.SourceHandle == ToolHandle || edge.TargetHandle == ToolHandle;
            if (isTool && graph.Find(edge.Source)?.Type != GraphRegions.AgentType && graph.Find(edge.Target)?.Type != GraphRegions.AgentType)
            {
                problems.Add(new("tool_edge_without_agent",
                    $"'{graph.Find(edge.Source)?.DisplayName ?? edge.Source}' has a tool connection, but tools connect to an AI Agent.",
                    edge.Source, edge.Id));
            }
        }
    }

    /// <summary>Cycles are only allowed through a loop's body (back into the loop) or an agent's tools.</summary>
    private static void CheckCycles(WorkflowGraph graph, List<ValidationProblem> problems)
    {
        var regions = new GraphRegions(graph);
        bool OwnedBy(string ownerId, string type, string other) =>
            graph.Find(ownerId)?.Type == type && regions.Owned.TryGetValue(ownerId, out var owned) && owned.Contains(other);

        // A body node leading back into its loop closes an iteration; agent ↔ tool edges are capabilities, not flow.
        bool Allowed(GraphEdge e) =>
            OwnedBy(e.Target, GraphRegions.LoopType, e.Source) ||
            OwnedBy(e.Target, GraphRegions.AgentType, e.Source) ||
            OwnedBy(e.Source, GraphRegions.AgentType, e.Target);

        var next = graph.Edges.Where(e => !Allowed(e)).ToLookup(e => e.Source, e => e.Target);
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new List<string>();
        var reported = new HashSet<string>(StringComparer.Ordinal);

        void Visit(string id)
        {
            state[id] = 1;
            stack.Add(id);
            foreach (var target in next[id])
            {
                if (state.GetValueOrDefault(target) == 1)
                {
                    var cycle = stack.Skip(stack.IndexOf(target)).ToList();
                    if (cycle.Any(reported.Add))
                    {
                        var names = string.Join(" → ", cycle.Append(target).Select(n => graph.Find(n)?.DisplayName ?? n));
                        problems.Add(new("cycle", $"These nodes form a cycle outside a loop: {names}. Use a Loop node to repeat steps.", target));
                    }
                }
                else if (state.GetValueOrDefault(target) == 0 && graph.Find(target) is not null)
                {
                    Visit(target);
                }
            }

            stack.RemoveAt(stack.Count - 1);
            state[id] = 2;
        }

        foreach (var node in graph.Nodes.Where(n => state.GetValueOrDefault(n.Id) == 0))
        {
            Visit(node.Id);
        }
    }

    private static void CheckReferences(WorkflowGraph graph, IReadOnlySet<string>? knownVariables, List<ValidationProblem> problems)
    {
        var names = graph.Nodes.SelectMany(n => new[] { n.Id, n.Label }).Where(s => !string.IsNullOrWhiteSpace(s))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var node in graph.Nodes)
        {
            foreach (var reference in JsonStrings.All(node.Config).SelectMany(TemplateResolver.References).Distinct())
            {
                if (Explain(reference, names, knownVariables) is { } message)
                {
                    problems.Add(new("unresolvable_reference", $"'{node.DisplayName}' refers to {{{{{reference}}}}}: {message}", node.Id));
                }
            }
        }
    }

    private static string? Explain(string reference, IReadOnlySet<string> nodeNames, IReadOnlySet<string>? variables)
    {
        var segments = TemplatePath.Split(reference);
        if (segments is null)
        {
            return "that is not a path such as input.x or nodes.<label>.output.y.";
        }

        return segments[0] switch
        {
            "input" or "vars" => null,
            "nodes" when segments.Count < 2 => "name a node: nodes.<label or id>.output….",
            "nodes" => nodeNames.Contains(segments[1]) ? null : $"there is no node '{segments[1]}'.",
            "env" when segments.Count == 2 => VariableProblem(segments[1], variables),
            _ when segments.Count == 1 && segments[0].All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '_') =>
                VariableProblem(segments[0], variables),
            _ => $"'{segments[0]}' is not something a template can reach (use input, nodes, vars or env).",
        };
    }

    private static string? VariableProblem(string name, IReadOnlySet<string>? variables) =>
        variables is null || variables.Contains(name) ? null : $"there is no variable named {name}.";
}
