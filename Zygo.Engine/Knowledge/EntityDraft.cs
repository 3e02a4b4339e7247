using System.Text.Json.Nodes;

namespace Zygo.Engine.Knowledge;

/// <summary>An entity as a node asks to write it, before it is merged with what the type and name already hold.</summary>
/// <param name="SourceMemoryId">The memory it was extracted from, if any.</param>
/// <param name="SourceExecutionId">The run writing it, if any.</param>
public sealed record EntityDraft(string Type, string Name, JsonObject Properties, Guid? SourceMemoryId = null, Guid? SourceExecutionId = null);
