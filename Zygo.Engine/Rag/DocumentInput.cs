using System.Text.Json.Nodes;

namespace Zygo.Engine.Rag;

/// <summary>A document to add to a collection: its text as uploaded, and metadata every chunk of it carries.</summary>
public sealed record DocumentInput(string Title, string Text, string ContentType, string FileName = "", JsonObject? Metadata = null);
