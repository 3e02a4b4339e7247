using System.Text.Json.Nodes;

namespace Zygo.Web.Collections;

public sealed record CollectionSummary(Guid Id, string Name, string Description, int ChunkSize, int ChunkOverlap, int Documents,
    DateTime CreatedAt);

public sealed record DocumentSummary(Guid Id, string Title, string FileName, string ContentType, JsonObject Metadata, int Characters,
    int Chunks, DateTime CreatedAt);

public sealed record SearchHit(string Text, double Score, string Source, string? DocumentId, JsonObject Metadata);

/// <summary>A collection searched from the API or the Knowledge page: by keyword (no embedding model outside a run), with the note saying so.</summary>
public sealed record SearchResult(string Query, string Mode, string Note, IReadOnlyList<SearchHit> Results);
