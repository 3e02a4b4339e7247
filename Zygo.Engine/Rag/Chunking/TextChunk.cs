namespace Zygo.Engine.Rag.Chunking;

/// <summary>A passage cut from a document, with the Markdown heading path it sits under (empty outside any).</summary>
public sealed record TextChunk(string Text, string Heading);
