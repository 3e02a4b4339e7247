namespace Zygo.Engine.Rag.Pdf.Syntax;

// The PDF object model as the parser produces it. Numbers are doubles, booleans bools, null is null.

/// <summary>A name such as <c>/Font</c>, with <c>#xx</c> escapes already decoded.</summary>
internal sealed record PdfName(string Value);

/// <summary>A literal or hex string: raw bytes, whose meaning depends on where it is used (font codes, text, keys).</summary>
internal sealed record PdfString(byte[] Bytes);

/// <summary>An indirect reference <c>N G R</c>.</summary>
internal readonly record struct PdfRef(int Number, int Generation);

internal sealed class PdfArray : List<object?>;

internal sealed class PdfDictionary : Dictionary<string, object?>
{
    public object? Get(string key) => TryGetValue(key, out var value) ? value : null;

    public string? NameOf(string key) => Get(key) is PdfName name ? name.Value : null;
}

/// <summary>A stream: its dictionary and where its raw (still encoded) bytes lie in <see cref="Data"/>.</summary>
internal sealed record PdfStream(PdfDictionary Dictionary, byte[] Data, int Start, int Length);

/// <summary>A bare keyword: a content-stream operator, or <c>obj</c>, <c>stream</c>, <c>trailer</c> in the file body.</summary>
internal sealed record PdfOperator(string Name);
