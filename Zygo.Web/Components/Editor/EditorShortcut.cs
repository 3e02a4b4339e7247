namespace Zygo.Web.Components.Editor;

/// <summary>A key (or gesture) of the workflow editor and what it does; <see cref="All"/> is what the help dialog lists.</summary>
public sealed record EditorShortcut(string Group, string[] Keys, string Action)
{
    public static IReadOnlyList<EditorShortcut> All { get; } =
    [
        new("Workflow", ["Ctrl+S"], "Save"),
        new("Workflow", ["Ctrl+Enter"], "Run the workflow"),
        new("Workflow", ["Ctrl+Z"], "Undo"),
        new("Workflow", ["Ctrl+Y", "Ctrl+Shift+Z"], "Redo"),
        new("Workflow", ["?"], "Show this list of shortcuts"),
        new("Canvas", ["Ctrl+C"], "Copy the selected nodes (and the connections between them)"),
        new("Canvas", ["Ctrl+V"], "Paste the copied nodes with new ids"),
        new("Canvas", ["Delete", "Backspace"], "Delete the selection"),
        new("Canvas", ["Ctrl+A"], "Select all nodes"),
        new("Canvas", ["Arrow keys"], "Move the selected nodes one grid step (with Shift: one pixel)"),
        new("Canvas", ["Shift+F10", "Menu key", "Right-click"], "Open the actions menu of the selection or the canvas"),
        new("Canvas", ["Esc"], "Clear the selection; close a menu or dialog"),
        new("Canvas", ["Double-click"], "Open a node's configuration"),
        new("Canvas", ["Drag the background"], "Pan"),
        new("Canvas", ["Wheel"], "Zoom"),
        new("Canvas", ["Shift+drag"], "Select several nodes with a box"),
        new("Palette", ["Enter", "Space"], "Add the focused node type near the agent"),
        new("Code editor", ["Tab", "Shift+Tab"], "Indent, outdent"),
        new("Code editor", ["Esc, then Tab"], "Leave the code editor with the keyboard"),
        new("Code editor", ["Ctrl+Z", "Ctrl+Y"], "Undo, redo typing"),
    ];
}
