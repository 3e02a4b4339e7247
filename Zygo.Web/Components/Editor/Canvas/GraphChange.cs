namespace Zygo.Web.Components.Editor.Canvas;

/// <summary>What the canvas reports after a change: the whole graph (contract JSON) and what undo/redo can do now.</summary>
public sealed record GraphChange(string GraphJson, bool CanUndo, bool CanRedo);
