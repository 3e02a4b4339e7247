namespace Zygo.Engine.Rag.Pdf.Syntax;

/// <summary>Builds objects from tokens: arrays, dictionaries, indirect references; bare keywords come back as <see cref="PdfOperator"/>.</summary>
internal sealed class PdfParser(PdfLexer lexer)
{
    /// <summary>Deeper nesting than any real file uses; the limit keeps crafted input from exhausting the stack.</summary>
    public const int MaxNesting = 64;

    /// <summary>Returned when the data ends.</summary>
    public static readonly object EndOfData = new();

    public PdfLexer Lexer => lexer;

    public object? ReadObject() => FromToken(lexer.Next(), 0);

    private object? FromToken(PdfToken token, int depth) => token.Kind switch
    {
        PdfTokenKind.End => EndOfData,
        PdfTokenKind.Number => token.IsInteger ? ReferenceOrNumber((double)token.Value!) : token.Value,
        PdfTokenKind.Name or PdfTokenKind.String => token.Value,
        PdfTokenKind.ArrayStart => ReadArray(depth + 1),
        PdfTokenKind.DictionaryStart => ReadDictionary(depth + 1),
        PdfTokenKind.Keyword => (string)token.Value! switch
        {
            "true" => true,
            "false" => false,
            "null" => null,
            var keyword => new PdfOperator(keyword),
        },
        PdfTokenKind.ArrayEnd => new PdfOperator("]"),
        _ => new PdfOperator(">>"),
    };

    private object ReferenceOrNumber(double number)
    {
        var mark = lexer.Position;
        var generation = lexer.Next();
        if (generation.IsInteger && lexer.Next().IsKeyword("R"))
        {
            return new PdfRef((int)number, (int)(double)generation.Value!);
        }

        lexer.Position = mark;
        return number;
    }

    private PdfArray ReadArray(int depth)
    {
        CheckDepth(depth);
        var array = new PdfArray();
        while (true)
        {
            var token = lexer.Next();
            if (token.Kind is PdfTokenKind.ArrayEnd or PdfTokenKind.End)
            {
                return array;
            }

            array.Add(FromToken(token, depth));
        }
    }

    private PdfDictionary ReadDictionary(int depth)
    {
        CheckDepth(depth);
        var dictionary = new PdfDictionary();
        while (true)
        {
            var token = lexer.Next();
            if (token.Kind is PdfTokenKind.DictionaryEnd or PdfTokenKind.End)
            {
                return dictionary;
            }

            if (token.Kind != PdfTokenKind.Name)
            {
                continue; // a damaged key: skip it and resynchronise on the next name
            }

            var value = lexer.Next();
            if (value.Kind is PdfTokenKind.DictionaryEnd or PdfTokenKind.End)
            {
                return dictionary;
            }

            dictionary[((PdfName)token.Value!).Value] = FromToken(value, depth);
        }
    }

    private static void CheckDepth(int depth)
    {
        if (depth > MaxNesting)
        {
            throw new PdfFormatException($"arrays or dictionaries are nested more than {MaxNesting} deep");
        }
    }
}
