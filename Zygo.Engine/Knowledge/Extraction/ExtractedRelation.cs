namespace Zygo.Engine.Knowledge.Extraction;

/// <summary>A relation a model found between two extracted entities, by their names.</summary>
public sealed record ExtractedRelation(string From, string To, string Type);
