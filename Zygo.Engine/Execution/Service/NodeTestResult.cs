using System.Text.Json.Nodes;

namespace Zygo.Engine.Execution.Service;

/// <summary>What one node did on a dry run: its output or error, attempts, time and log lines.</summary>
public sealed record NodeTestResult(string Status, JsonNode? Output, string? Error, int Attempts, double DurationMs,
    IReadOnlyList<string> Logs);
