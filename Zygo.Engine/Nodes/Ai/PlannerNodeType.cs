using System.Text.Json.Nodes;
using Zygo.Engine.Nodes.Schema;

namespace Zygo.Engine.Nodes.Ai;

public sealed class PlannerNodeType : PendingNodeType<PlannerConfigData>
{
    public override string Id => "planner";
    public override string Label => "Planner";
    public override NodeCategory Category => NodeCategory.CoreOrchestration;
    public override string Icon => "ListTodo";
    public override string Color => "#4F46E5";
    public override string Description => "AI-powered task planning and decomposition";

    public override JsonObject ArgumentSchema => ToolArguments.Schema(
        new ToolArgument("goal", "string", "What the plan must achieve.", Required: true));
}
