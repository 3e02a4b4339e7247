using System.Text.Json.Nodes;
using Zygo.Engine.Nodes.Schema;

namespace Zygo.Engine.Nodes.Ai;

public sealed class RagContextNodeType : PendingNodeType<RAGContextConfigData>
{
    public override string Id => "rag_context";
    public override string Label => "RAG Context";
    public override NodeCategory Category => NodeCategory.AiIntelligence;
    public override string Icon => "FileSearch";
    public override string Color => "#0284C7";
    public override string Description => "Retrieve augmented generation context";

    public override JsonObject ArgumentSchema => ToolArguments.Schema(
        new ToolArgument("query", "string", "What to find passages about.", Required: true));
}
