namespace Zygo.Engine.Knowledge.Extraction;

/// <summary>An entity found in a text: its kind (<c>person</c>, <c>email</c> …) and its name as written.</summary>
public sealed record ExtractedEntity(string Type, string Name);
