using System.Text.Json.Nodes;
using Zygo.Engine.Execution;

namespace Zygo.Engine.Nodes.Code;

/// <summary>One run of a snippet, whatever its language: the code, its values and its limits.</summary>
/// <param name="Variables">The <c>inputVariables</c> with their values, in order.</param>
internal sealed record CodeRequest(
    string Code,
    JsonNode? Input,
    JsonObject Vars,
    JsonObject Variables,
    TimeSpan Timeout,
    int MemoryLimitMegabytes,
    CodeLog Log)
{
    /// <summary>System.Text.Json's default depth: deeper output could not be stored or read back.</summary>
    public const int MaxOutputDepth = 64;

    public long MemoryLimitBytes => MemoryLimitMegabytes * 1024L * 1024L;

    /// <summary>Retryable: a slow run on a busy machine may finish next time.</summary>
    public NodeFailedException TimedOut(string language) =>
        new($"The {language} code was stopped after {Timeout.TotalSeconds:0.###} s (its timeout).", retryable: true);

    public NodeFailedException OutOfMemory(string language) =>
        new($"The {language} code exceeded the memory limit of {MemoryLimitMegabytes} MB.");
}
