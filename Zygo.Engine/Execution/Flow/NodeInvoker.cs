using System.Text.Json.Nodes;
using Zygo.Engine.Nodes;

namespace Zygo.Engine.Execution.Flow;

/// <summary>The result of running one node under its policy, with how many attempts it took.</summary>
public sealed record NodeRun(NodeOutcome? Outcome, string? Error, int Attempts, bool Cancelled)
{
    public bool Succeeded => Outcome is not null && Error is null;
}

/// <summary>Runs one node with its timeout, retries with backoff, and errorHandling; never throws for node failures.</summary>
public static class NodeInvoker
{
    public static async Task<NodeRun> RunAsync(INodeType type, NodeContext context, NodePolicy policy, TimeProvider clock,
        CancellationToken runToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var attemptCts = CancellationTokenSource.CreateLinkedTokenSource(runToken);
            if (policy.Timeout is { } timeout)
            {
                attemptCts.CancelAfter(timeout);
            }

            string error;
            bool retryable;
            try
            {
                var outcome = await type.ExecuteAsync(context, attemptCts.Token);
                return new NodeRun(outcome, null, attempt, false);
            }
            catch (OperationCanceledException) when (runToken.IsCancellationRequested)
            {
                return new NodeRun(null, "Cancelled.", attempt, true);
            }
            catch (OperationCanceledException) when (attemptCts.IsCancellationRequested)
            {
                error = $"Timed out after {policy.Timeout!.Value.TotalSeconds:0.###} s.";
                retryable = true;
            }
            catch (NodeFailedException ex)
            {
                error = ex.Message;
                retryable = ex.Retryable;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // A bug in a node type must not take the run down: record it as the node's failure.
                error = $"{ex.GetType().Name}: {ex.Message}";
                retryable = false;
            }

            if (retryable && attempt <= policy.Retries)
            {
                context.Log($"Attempt {attempt} failed ({error}); retrying in {NodePolicy.Backoff(attempt).TotalMilliseconds:0} ms.");
                try
                {
                    await Task.Delay(NodePolicy.Backoff(attempt), clock, runToken);
                }
                catch (OperationCanceledException)
                {
                    return new NodeRun(null, "Cancelled.", attempt, true);
                }

                continue;
            }

            return policy.ErrorHandling == ErrorHandling.Continue
                ? new NodeRun(NodeOutcome.Of(new JsonObject { ["error"] = new JsonObject { ["message"] = error } }), error, attempt, false)
                : new NodeRun(null, error, attempt, false);
        }
    }
}
