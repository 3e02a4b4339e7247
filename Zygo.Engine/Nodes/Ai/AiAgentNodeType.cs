using System.Text.Json.Nodes;
using Zygo.Engine.Nodes.Schema;

namespace Zygo.Engine.Nodes.Ai;

public sealed class AiAgentNodeType : PendingNodeType<AIAgentConfigData>
{
    public override string Id => "ai_agent";
    public override string Label => "AI Agent";
    public override NodeCategory Category => NodeCategory.CoreOrchestration;
    public override string Icon => "Brain";
    public override string Color => "#7C3AED";
    public override string Description => "Central orchestration hub - the \"brain\" of every workflow";

    public override JsonObject ArgumentSchema => ToolArguments.Schema(
        new ToolArgument("message", "string", "The task or question for the agent.", Required: true));
}
