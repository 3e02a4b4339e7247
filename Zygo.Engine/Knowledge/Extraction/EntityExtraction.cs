namespace Zygo.Engine.Knowledge.Extraction;

/// <summary>What an extraction found, the method that actually ran (<c>regex</c> or <c>llm</c>), and why it differs from the one asked for.</summary>
public sealed record EntityExtraction(IReadOnlyList<ExtractedEntity> Entities, IReadOnlyList<ExtractedRelation> Relations, string Method, string? Note = null)
{
    /// <summary>Most entities kept from one text; the rest are dropped so one memory cannot flood the graph.</summary>
    public const int MaxEntities = 50;
}
