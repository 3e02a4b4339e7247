using System.Text.Json.Nodes;
using Zygo.Engine.Nodes.Schema;

namespace Zygo.Engine.Nodes.Ai;

public sealed class MemorySearchNodeType : PendingNodeType<MemorySearchConfigData>
{
    public override string Id => "memory_search";
    public override string Label => "Memory Search";
    public override NodeCategory Category => NodeCategory.AiIntelligence;
    public override string Icon => "Search";
    public override string Color => "#059669";
    public override string Description => "Search and retrieve from memory store";

    public override JsonObject ArgumentSchema => ToolArguments.Schema(
        new ToolArgument("query", "string", "What to look for in memory: words or a question.", Required: true));
}
