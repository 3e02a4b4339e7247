using System.Text.Json.Nodes;
using Zygo.Engine.Nodes.Schema;

namespace Zygo.Engine.Nodes.Ai;

public sealed class LlmNodeType : PendingNodeType<LLMConfigData>
{
    public override string Id => "llm";
    public override string Label => "LLM";
    public override NodeCategory Category => NodeCategory.AiIntelligence;
    public override string Icon => "Sparkles";
    public override string Color => "#DB2777";
    public override string Description => "Process with AI model (OpenAI, Anthropic, Google, etc.)";

    public override JsonObject ArgumentSchema => ToolArguments.Schema(
        new ToolArgument("prompt", "string", "The text for the model to work on.", Required: true));
}
