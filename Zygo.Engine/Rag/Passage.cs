using System.Text.Json.Nodes;

namespace Zygo.Engine.Rag;

/// <summary>A retrieved passage: its text, relevance (0 to 1), where it came from and its metadata.</summary>
public sealed record Passage(string Text, double Score, string Source, string? DocumentId, JsonObject Metadata);
