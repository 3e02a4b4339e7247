using Zygo.Engine.Rag.Pdf.Syntax;

namespace Zygo.Engine.Rag.Pdf.Objects;

/// <summary>A page's dictionary with the resources it uses, its own or inherited from the page tree.</summary>
internal sealed record PdfPage(PdfDictionary Dictionary, PdfDictionary? Resources);
