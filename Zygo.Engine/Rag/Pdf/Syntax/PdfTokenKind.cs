namespace Zygo.Engine.Rag.Pdf.Syntax;

/// <summary>What a token is; see <see cref="PdfToken"/>.</summary>
internal enum PdfTokenKind
{
    End,
    Number,
    Name,
    String,
    ArrayStart,
    ArrayEnd,
    DictionaryStart,
    DictionaryEnd,
    Keyword,
}
