using System.Text.Json.Nodes;

namespace Zygo.Engine.Rag;

/// <summary>A file as uploaded to a collection, with the optional title and metadata sent along with it.</summary>
public sealed record DocumentUpload(string FileName, string? ContentType, byte[] Bytes, string? Title = null, JsonObject? Metadata = null);

/// <summary>The document read from an upload; for a PDF, how many pages it had and notes on anything skipped.</summary>
public sealed record DocumentFileResult(DocumentInput Input, int? Pages, IReadOnlyList<string> Notes);
