using Microsoft.Extensions.AI;
using Zygo.Engine.Graph;

namespace Zygo.Engine.Agent;

/// <summary>A node wired to an agent as the model sees it: its name, description and argument schema.</summary>
public sealed record AgentTool(string Name, GraphNode Node, AIFunctionDeclaration Declaration);
