using System.Text.Json.Nodes;

namespace Zygo.Engine.Rag;

/// <summary>A file as uploaded to a collection, with the optional title and metadata sent along with it.</summary>
public sealed record DocumentUpload(string FileName, string? ContentType, byte[] Bytes, string? Title = null, JsonObject? Metadata = null);
