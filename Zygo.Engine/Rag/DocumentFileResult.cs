namespace Zygo.Engine.Rag;

/// <summary>The document read from an upload, and for a PDF notes on any part that was skipped.</summary>
public sealed record DocumentFileResult(DocumentInput Input, IReadOnlyList<string> Notes);
