using System.Text.Json.Nodes;
using Zygo.Data.Entities;
using Zygo.Engine.Execution.Events;
using Zygo.Engine.Execution.Recording;
using Zygo.Engine.Graph;
using Zygo.Engine.Nodes;
using Zygo.Engine.Templating;

namespace Zygo.Engine.Execution.Flow;

/// <summary>What one run needs besides the graph.</summary>
/// <param name="OnStepEnded">Called with each step once it has ended (completed, failed, cancelled or skipped).</param>
public sealed record RunRequest(
    ExecutionInfo Execution,
    JsonNode? Input,
    IReadOnlyDictionary<string, string> Env,
    IServiceProvider Services,
    Action<NodeRecord>? OnStepEnded = null);

/// <summary>
/// Runs a workflow along its edges (DESIGN §3, flow mode): from the trigger, each node when all its live inputs are
/// decided; parallel branches at once; branching nodes fire only their chosen handles; nodes that can no longer be
/// reached are skipped. Loops and agents run the nodes they own through <see cref="IBodyRunner"/>.
/// </summary>
public sealed class FlowRunner(NodeTypeRegistry registry, ExecutionEventBus events, TimeProvider clock)
{
    private readonly NodeTypeRegistry _registry = registry;
    private readonly ExecutionEventBus _events = events;
    private readonly TimeProvider _clock = clock;

    public async Task<RunResult> RunAsync(WorkflowGraph graph, RunRequest request, CancellationToken cancellationToken)
    {
        var run = new Run(this, graph, request, cancellationToken);
        return await run.ExecuteAsync();
    }

    private sealed class Run(FlowRunner runner, WorkflowGraph graph, RunRequest request, CancellationToken outerToken)
    {
        private readonly WorkflowGraph _graph = graph;
        private readonly GraphRegions _regions = new(graph);
        private readonly List<NodeRecord> _records = [];
        private readonly CancellationTokenSource _cts = CancellationTokenSource.CreateLinkedTokenSource(outerToken);
        private readonly SecretMask _mask = new(request.Env.Values);
        private int _sequence;

        public async Task<RunResult> ExecuteAsync()
        {
            var started = runner._clock.GetUtcNow().UtcDateTime;
            Publish(new ExecutionEvent(ExecutionEventKind.ExecutionStarted, default, default, default, started)
                { ExecutionStatus = ExecutionStatus.Running });
            var scope = new TemplateScope(request.Input, request.Env);
            var top = _regions.TopLevel.ToHashSet(StringComparer.Ordinal);
            var entries = _graph.Nodes.Where(n => top.Contains(n.Id) && n.Type == GraphRegions.TriggerType)
                .Select(n => (n.Id, request.Input));

            RegionResult region;
            try
            {
                region = await RunRegionAsync(top, entries, scope, path: null, _cts);
            }
            finally
            {
                _cts.Dispose();
            }

            var completed = runner._clock.GetUtcNow().UtcDateTime;
            var status = region.Failure is null ? ExecutionStatus.Completed
                : outerToken.IsCancellationRequested ? ExecutionStatus.Cancelled
                : ExecutionStatus.Failed;
            // The region's output is the run's own copy; inner regions (loop bodies, tools) still get unmasked values.
            var failure = region.Failure is null ? null : region.Failure with { Message = _mask.Apply(region.Failure.Message)! };
            var result = new RunResult(status, failure is null ? _mask.ApplyInPlace(region.Output) : null, failure, started, completed,
                _records.OrderBy(r => r.Sequence).ToList());
            Publish(new ExecutionEvent(ExecutionEventKind.ExecutionFinished, default, default, default, completed)
            {
                ExecutionStatus = status,
                Output = result.Output,
                Error = failure?.Message,
                DurationMs = result.DurationMs,
            });
            return result;
        }

        private sealed record RegionResult(JsonNode? Output, RunError? Failure);

        /// <summary>
        /// Runs the nodes of one region (the top level, one loop iteration or one tool call) to the end. A failure
        /// cancels <paramref name="cts"/>: the whole run for the top level and loops, only the call for a tool, whose
        /// failure the agent reports to its model instead.
        /// </summary>
        private async Task<RegionResult> RunRegionAsync(IReadOnlySet<string> region,
            IEnumerable<(string NodeId, JsonNode? Input)> entries, TemplateScope scope, string? path, CancellationTokenSource cts)
        {
            var edges = _graph.Edges.Where(e => region.Contains(e.Source) && region.Contains(e.Target)).ToList();
            var edgeState = edges.ToDictionary(e => e, _ => EdgeState.Pending);
            var incoming = edges.ToLookup(e => e.Target);
            var outgoing = edges.ToLookup(e => e.Source);
            var entryInputs = entries.ToDictionary(e => e.NodeId, e => e.Input, StringComparer.Ordinal);
            var done = new HashSet<string>(StringComparer.Ordinal);
            var started = new HashSet<string>(StringComparer.Ordinal);
            var outputs = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
            var running = new Dictionary<Task<NodeRun>, (GraphNode Node, NodeRecord Record)>();
            RunError? failure = null;

            // Only nodes with a newly decided input can become ready: look at those, not at the whole region each time.
            var candidates = new Queue<string>(region);

            void Decide(GraphNode node, IReadOnlyList<string>? handles)
            {
                foreach (var edge in outgoing[node.Id])
                {
                    edgeState[edge] = handles is null || (edge.SourceHandle is { } h && handles.Contains(h))
                        ? EdgeState.Active
                        : EdgeState.Dead;
                    candidates.Enqueue(edge.Target);
                }
            }

            void Skip(GraphNode node)
            {
                done.Add(node.Id);
                var skipped = Record(node, path);
                skipped.Status = NodeExecutionStatus.Skipped;
                request.OnStepEnded?.Invoke(skipped);
                Publish(NodeEvent(ExecutionEventKind.NodeSkipped, node, NodeExecutionStatus.Skipped));
                Decide(node, []);
            }

            while (true)
            {
                if (failure is null)
                {
                    // Start every candidate whose inputs are all decided; skip those none of whose inputs fired (and those
                    // nothing leads to). A skip decides more edges, which queues their targets in turn.
                    while (candidates.TryDequeue(out var id))
                    {
                        if (done.Contains(id) || started.Contains(id))
                        {
                            continue;
                        }

                        var node = _graph.Find(id)!;
                        if (entryInputs.Remove(id, out var entryInput))
                        {
                            started.Add(id);
                            running[StartNode(node, entryInput, scope, path, cts.Token, out var record)] = (node, record);
                            continue;
                        }

                        var inbound = incoming[id].ToList();
                        if (inbound.Count == 0)
                        {
                            Skip(node);
                            continue;
                        }

                        if (inbound.Any(e => edgeState[e] == EdgeState.Pending))
                        {
                            continue;
                        }

                        var live = inbound.Where(e => edgeState[e] == EdgeState.Active).ToList();
                        if (live.Count == 0)
                        {
                            Skip(node);
                            continue;
                        }

                        var input = live.Count == 1
                            ? outputs.GetValueOrDefault(live[0].Source)?.DeepClone()
                            : JoinInputs(live.Select(e => _graph.Find(e.Source)!).Distinct(), outputs);
                        started.Add(id);
                        running[StartNode(node, input, scope, path, cts.Token, out var rec)] = (node, rec);
                    }
                }

                if (running.Count == 0)
                {
                    break;
                }

                var finished = await Task.WhenAny(running.Keys);
                var (finishedNode, finishedRecord) = running[finished];
                running.Remove(finished);
                done.Add(finishedNode.Id);
                var nodeRun = await finished;
                Finish(finishedNode, finishedRecord, nodeRun);

                if (nodeRun.Outcome is { } outcome)
                {
                    outputs[finishedNode.Id] = outcome.Output;
                    scope.SetOutput(finishedNode.Id, finishedNode.Label, outcome.Output);
                    Decide(finishedNode, outcome.ActiveHandles);
                }
                else if (failure is null)
                {
                    failure = new RunError(finishedNode.Id, $"{finishedNode.DisplayName}: {nodeRun.Error}");
                    // Stop the branches still running; they end as cancelled.
                    await cts.CancelAsync();
                }
            }

            if (failure is not null)
            {
                return new RegionResult(null, failure);
            }

            // The region's result: its terminal nodes that ran (no live edge out within the region).
            var terminals = region.Where(id => outputs.ContainsKey(id) && !outgoing[id].Any(e => edgeState[e] == EdgeState.Active))
                .Select(id => _graph.Find(id)!).ToList();
            var output = terminals.Count switch
            {
                0 => null,
                1 => outputs[terminals[0].Id]?.DeepClone(),
                _ => JoinInputs(terminals, outputs),
            };
            return new RegionResult(output, null);
        }

        private Task<NodeRun> StartNode(GraphNode node, JsonNode? input, TemplateScope scope, string? path,
            CancellationToken token, out NodeRecord record)
        {
            record = Record(node, path);
            record.Status = NodeExecutionStatus.Running;
            record.Input = _mask.ApplyInPlace(input?.DeepClone());
            record.StartedAt = runner._clock.GetUtcNow().UtcDateTime;
            Publish(NodeEvent(ExecutionEventKind.NodeStarted, node, NodeExecutionStatus.Running));

            var type = runner._registry.Find(node.Type);
            if (type is null)
            {
                return Task.FromResult(new NodeRun(null, $"Unknown node type '{node.Type}'.", 0, false));
            }

            var owned = _regions.Owned.GetValueOrDefault(node.Id) ?? EmptyRegion;
            var body = node.Type == GraphRegions.LoopType ? new LoopBody(this, node, owned, scope, path) : null;
            var tools = node.Type == GraphRegions.AgentType ? new AgentTools(this, node, owned, scope, path) : null;
            var context = new NodeContext(node, input, scope, request.Execution, request.Services,
                message => Publish(NodeEvent(ExecutionEventKind.Log, node, null) with { Message = message }), body, tools,
                e => Publish(e with { NodeId = node.Id, NodeType = node.Type }), _graph);
            return NodeInvoker.RunAsync(type, context, NodePolicy.For(node), runner._clock, token);
        }

        private void Finish(GraphNode node, NodeRecord record, NodeRun run)
        {
            record.CompletedAt = runner._clock.GetUtcNow().UtcDateTime;
            record.Attempts = run.Attempts;
            record.Output = _mask.ApplyInPlace(run.Outcome?.Output?.DeepClone());
            record.Error = _mask.Apply(run.Error);
            record.Status = run.Cancelled ? NodeExecutionStatus.Cancelled
                : run.Error is not null ? NodeExecutionStatus.Failed
                : NodeExecutionStatus.Completed;
            request.OnStepEnded?.Invoke(record);
            var kind = record.Status == NodeExecutionStatus.Completed ? ExecutionEventKind.NodeCompleted : ExecutionEventKind.NodeFailed;
            Publish(NodeEvent(kind, node, record.Status) with { Output = record.Output, Error = record.Error, DurationMs = record.DurationMs });
        }

        private NodeRecord Record(GraphNode node, string? path)
        {
            var record = new NodeRecord
            {
                NodeId = node.Id,
                NodeType = node.Type,
                Label = node.DisplayName,
                Sequence = Interlocked.Increment(ref _sequence),
                Path = path,
            };
            lock (_records)
            {
                _records.Add(record);
            }

            return record;
        }

        /// <summary>Several inputs joining: an object keyed by each source's label (its id when unlabelled).</summary>
        private static JsonObject JoinInputs(IEnumerable<GraphNode> sources, IReadOnlyDictionary<string, JsonNode?> outputs)
        {
            var joined = new JsonObject();
            foreach (var source in sources)
            {
                joined[source.DisplayName] = outputs.GetValueOrDefault(source.Id)?.DeepClone();
            }

            return joined;
        }

        private ExecutionEvent NodeEvent(ExecutionEventKind kind, GraphNode node, NodeExecutionStatus? status) =>
            new(kind, default, default, default, runner._clock.GetUtcNow().UtcDateTime)
            {
                NodeId = node.Id,
                NodeType = node.Type,
                NodeStatus = status,
            };

        private void Publish(ExecutionEvent e) =>
            runner._events.Publish(e with
            {
                TenantId = request.Execution.TenantId,
                WorkflowId = request.Execution.WorkflowId,
                ExecutionId = request.Execution.ExecutionId,
                // Node events carry the already masked record; others (agent steps, logs) are masked on a copy.
                Output = _mask.IsEmpty || e.Output is null || e.Kind is ExecutionEventKind.NodeCompleted or ExecutionEventKind.NodeFailed
                    or ExecutionEventKind.ExecutionFinished ? e.Output : _mask.ApplyInPlace(e.Output.DeepClone()),
                Error = _mask.Apply(e.Error),
                Message = _mask.Apply(e.Message),
            });

        /// <summary>One loop's body, run as its own region per iteration with the loop's variables.</summary>
        private sealed class LoopBody(Run run, GraphNode loop, IReadOnlySet<string> owned, TemplateScope scope, string? path) : IBodyRunner
        {
            public async Task<JsonNode?> RunIterationAsync(JsonNode? item, JsonObject vars, int index, CancellationToken cancellationToken)
            {
                var entries = run._graph.Outgoing(loop.Id).Where(e => e.SourceHandle == GraphRegions.BodyHandle && owned.Contains(e.Target))
                    .Select(e => (e.Target, item?.DeepClone()));
                var iterationPath = $"{(path is null ? "" : path + "/")}{loop.DisplayName}[{index}]";
                var result = await run.RunRegionAsync(owned, entries, scope.WithVars(vars), iterationPath, run._cts);
                return result.Failure is { } failure ? throw new NodeFailedException(failure.Message) : result.Output;
            }
        }

        /// <summary>
        /// One agent's tools: each call runs the tool and what hangs off it as a region of its own, with a cancellation
        /// of its own so that a failing or timed-out tool ends only that call.
        /// </summary>
        private sealed class AgentTools(Run run, GraphNode agent, IReadOnlySet<string> owned, TemplateScope scope, string? path)
            : IToolRunner
        {
            public IReadOnlyList<GraphNode> Tools { get; } = GraphRegions.ToolRoots(run._graph, agent.Id)
                .Where(owned.Contains).Select(id => run._graph.Find(id)!).ToList();

            public async Task<JsonNode?> RunAsync(GraphNode tool, JsonNode? arguments, string callName, CancellationToken cancellationToken)
            {
                // Only this tool's own sub-flow: the agent's other tools are not part of the call (nor skipped by it).
                var reach = GraphRegions.Reach(run._graph, agent.Id, [tool.Id]);
                reach.IntersectWith(owned);
                var callPath = $"{(path is null ? "" : path + "/")}{agent.DisplayName}[{callName}]";
                using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, run._cts.Token);
                var result = await run.RunRegionAsync(reach, [(tool.Id, arguments?.DeepClone())], scope.WithInput(arguments), callPath, cts);
                cancellationToken.ThrowIfCancellationRequested();
                return result.Failure is { } failure ? throw new NodeFailedException(failure.Message) : result.Output;
            }
        }
    }

    private static readonly IReadOnlySet<string> EmptyRegion = new HashSet<string>();

    private enum EdgeState
    {
        Pending,
        Active,
        Dead,
    }
}
