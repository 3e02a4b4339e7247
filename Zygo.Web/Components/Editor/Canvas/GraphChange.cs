namespace Zygo.Web.Components.Editor.Canvas;

/// <summary>
/// What the canvas reports after a change, and what undo/redo can do now. <see cref="Json"/> is the whole graph
/// (contract JSON), or after moves only (<see cref="PositionsOnly"/>) the moved nodes' positions by id.
/// </summary>
public sealed record GraphChange(string Json, bool PositionsOnly, bool CanUndo, bool CanRedo);
