namespace Zygo.Engine.Rag.Pdf.Text;

/// <summary>One character code of a shown string: its text (may be empty), advance width in text space per unit of font size, and whether word spacing applies.</summary>
internal readonly record struct PdfGlyph(string Text, double Width, bool IsWordSpace);
