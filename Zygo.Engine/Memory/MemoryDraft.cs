using System.Text.Json.Nodes;

namespace Zygo.Engine.Memory;

/// <summary>A memory as a memory_store node asks to write it, before it is merged with what the key already holds.</summary>
internal sealed record MemoryDraft(
    string Key,
    string Type,
    string Title,
    string Content,
    string Summary,
    IReadOnlyList<string> Tags,
    string Sensitivity,
    string Importance,
    double Confidence,
    DateTime? ExpiresAt,
    DateTime ObservedAt,
    JsonObject Metadata);
