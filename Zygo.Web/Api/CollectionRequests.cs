using System.Text.Json.Nodes;

namespace Zygo.Web.Api;

public sealed record CreateCollectionRequest(string? Name, string? Description, int? ChunkSize, int? ChunkOverlap);

/// <summary>A document sent as JSON; <c>contentType</c> is text/plain (default) or text/markdown.</summary>
public sealed record AddDocumentRequest(string? Title, string? Text, JsonObject? Metadata, string? ContentType);

public sealed record SearchCollectionRequest(string? Query, int? TopK, double? ScoreThreshold, JsonObject? Filters);
