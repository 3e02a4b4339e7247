using Zygo.Engine.Nodes;

namespace Zygo.Tests.Engine.Catalogue;

/// <summary>The spec's node registry (seed 000, "Node Registry (20 Node Types)") and the part of it this folder owns.</summary>
internal static class SpecNodeTypes
{
    public static readonly IReadOnlyList<string> AllIds =
    [
        "ai_agent", "trigger", "planner",
        "llm", "rag_context", "memory_store", "memory_search", "knowledge_graph", "entity_query",
        "http_api", "data", "email", "code",
        "conditional", "loop", "filter", "delay",
        "security", "maintenance", "monitoring",
    ];

    public static TheoryData<string, string, NodeCategory, string> Owned => new()
    {
        { "ai_agent", "AI Agent", NodeCategory.CoreOrchestration, "Brain" },
        { "trigger", "Trigger", NodeCategory.CoreOrchestration, "Zap" },
        { "planner", "Planner", NodeCategory.CoreOrchestration, "ListTodo" },
        { "llm", "LLM", NodeCategory.AiIntelligence, "Sparkles" },
        { "rag_context", "RAG Context", NodeCategory.AiIntelligence, "FileSearch" },
        { "memory_store", "Memory Store", NodeCategory.AiIntelligence, "Save" },
        { "memory_search", "Memory Search", NodeCategory.AiIntelligence, "Search" },
        { "knowledge_graph", "Knowledge Graph", NodeCategory.AiIntelligence, "GitBranch" },
        { "entity_query", "Entity Query", NodeCategory.AiIntelligence, "Tags" },
    };
}
