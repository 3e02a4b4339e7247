using System.Text.Json.Nodes;
using Zygo.Engine.Nodes.Schema;

namespace Zygo.Engine.Nodes.Ai;

public sealed class MemoryStoreNodeType : PendingNodeType<MemoryStoreConfigData>
{
    public override string Id => "memory_store";
    public override string Label => "Memory Store";
    public override NodeCategory Category => NodeCategory.AiIntelligence;
    public override string Icon => "Save";
    public override string Color => "#0D9488";
    public override string Description => "Store memory records (semantic, episodic, procedural)";

    public override JsonObject ArgumentSchema => ToolArguments.Schema(
        new ToolArgument("content", "string", "What to remember.", Required: true),
        new ToolArgument("key", "string", "Unique key to find the memory again; the same key updates it."),
        new ToolArgument("tags", "string", "Comma-separated tags."));
}
