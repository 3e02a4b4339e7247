namespace Zygo.Engine.Rag.Pdf.Syntax;

/// <summary>A dictionary keyed by name (without the slash); values are parsed values, references unresolved.</summary>
internal sealed class PdfDictionary : Dictionary<string, object?>
{
    public object? Get(string key) => TryGetValue(key, out var value) ? value : null;

    public string? NameOf(string key) => Get(key) is PdfName name ? name.Value : null;
}
