using Microsoft.Extensions.AI;
using Zygo.Engine.Nodes.Ai;

namespace Zygo.Engine.Llm;

/// <summary>A chat client ready for one node's calls, with which provider and model it is.</summary>
public sealed record ChatModel(IChatClient Client, ModelProvider Provider, string Model)
{
    /// <summary>The built-in offline model: its answers are labelled as such wherever they appear.</summary>
    public bool IsOffline => Provider == ModelProvider.Offline;
}
