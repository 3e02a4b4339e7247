using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Zygo.Web.Collections;

public sealed record CollectionSummary(Guid Id, string Name, string Description, int ChunkSize, int ChunkOverlap, int Documents,
    DateTime CreatedAt);

/// <summary>A stored document; <see cref="Notes"/> is set only in an upload's answer, when a PDF had parts that could not be read.</summary>
public sealed record DocumentSummary(Guid Id, string Title, string FileName, string ContentType, JsonObject Metadata, int Characters,
    int Chunks, DateTime CreatedAt)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Notes { get; init; }
}

/// <summary>One passage found in a collection, with its score and the document it came from.</summary>
public sealed record PassageHit(string Text, double Score, string Source, string? DocumentId, JsonObject Metadata);

/// <summary>A collection searched from the API or the Knowledge page: by keyword (no embedding model outside a run), with the note saying so.</summary>
public sealed record SearchResult(string Query, string Mode, string Note, IReadOnlyList<PassageHit> Results);
