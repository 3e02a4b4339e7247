using Zygo.Engine.Rag.Pdf.Syntax;

namespace Zygo.Engine.Rag.Pdf.Objects;

/// <summary>
/// Reads the cross-reference data from <c>startxref</c> back through every <c>/Prev</c> section: classic
/// <c>xref</c> tables, cross-reference streams (PDF 1.5+) and hybrid files. Throws <see cref="PdfFormatException"/>
/// when the data is missing or does not match the file, so the caller can scan instead.
/// </summary>
internal static class PdfXrefReader
{
    private const int MaxSections = 256;

    public static void Read(PdfObjectTable table)
    {
        var data = table.Data;
        var keyword = data.AsSpan().LastIndexOf("startxref"u8);
        if (keyword < 0)
        {
            throw new PdfFormatException("no startxref");
        }

        var offsetToken = new PdfLexer(data) { Position = keyword + "startxref".Length }.Next();
        var visited = new HashSet<int>();
        int? next = offsetToken.IsInteger ? (int)(double)offsetToken.Value! : throw new PdfFormatException("bad startxref");
        while (next is { } offset && visited.Add(offset) && visited.Count <= MaxSections)
        {
            next = ReadSection(table, offset);
        }

        Validate(table);
    }

    /// <summary>Reads one section; returns the offset of the previous one, if any.</summary>
    private static int? ReadSection(PdfObjectTable table, int offset)
    {
        if (offset < 0 || offset >= table.Data.Length)
        {
            throw new PdfFormatException("cross-reference offset outside the file");
        }

        var lexer = new PdfLexer(table.Data) { Position = offset };
        PdfDictionary trailer;
        if (lexer.Next().IsKeyword("xref"))
        {
            trailer = ReadTable(table, lexer);
            if (table.Number(trailer.Get("XRefStm")) is { } hybrid && hybrid >= 0 && hybrid < table.Data.Length)
            {
                ReadStream(table, (int)hybrid);
            }
        }
        else
        {
            trailer = ReadStream(table, offset);
        }

        table.MergeTrailer(trailer);
        return table.Number(trailer.Get("Prev")) is { } previous and >= 0 and < int.MaxValue ? (int)previous : null;
    }

    private static PdfDictionary ReadTable(PdfObjectTable table, PdfLexer lexer)
    {
        while (true)
        {
            var token = lexer.Next();
            if (token.IsKeyword("trailer"))
            {
                return new PdfParser(lexer).ReadObject() as PdfDictionary ?? throw new PdfFormatException("bad trailer");
            }

            var count = lexer.Next();
            if (!token.IsInteger || !count.IsInteger)
            {
                throw new PdfFormatException("bad xref subsection");
            }

            var first = (int)(double)token.Value!;
            for (var i = 0; i < (double)count.Value!; i++)
            {
                var (offset, generation, kind) = (lexer.Next(), lexer.Next(), lexer.Next());
                if (!offset.IsInteger || !generation.IsInteger || kind.Kind != PdfTokenKind.Keyword)
                {
                    throw new PdfFormatException("bad xref entry");
                }

                if (kind.IsKeyword("n") && (double)offset.Value! > 0)
                {
                    table.AddOffset(first + i, (int)(double)offset.Value!);
                }
            }
        }
    }

    private static PdfDictionary ReadStream(PdfObjectTable table, int offset)
    {
        if (table.ParseIndirectAt(offset) is not PdfStream stream || stream.Dictionary.NameOf("Type") != "XRef"
            || table.Decode(stream) is not { } entries)
        {
            throw new PdfFormatException("no cross-reference stream at the offset");
        }

        var widths = (table.Resolve(stream.Dictionary.Get("W")) as PdfArray ?? [])
            .Select(w => (int)(table.Number(w) ?? -1)).ToArray();
        if (widths.Length < 3 || widths.Any(w => w is < 0 or > 8))
        {
            throw new PdfFormatException("bad /W in a cross-reference stream");
        }

        var size = table.Number(stream.Dictionary.Get("Size")) ?? 0;
        var index = (table.Resolve(stream.Dictionary.Get("Index")) as PdfArray ?? [0.0, size])
            .Select(table.Number).Select(n => (long)(n ?? 0)).ToArray();
        var entrySize = widths.Sum();
        var position = 0;
        for (var section = 0; section + 1 < index.Length; section += 2)
        {
            for (long i = 0; i < index[section + 1] && position + entrySize <= entries.Length && entrySize > 0; i++)
            {
                var type = widths[0] == 0 ? 1 : Field(entries, position, widths[0]);
                var second = Field(entries, position + widths[0], widths[1]);
                position += entrySize;
                var number = index[section] + i;
                if (number > int.MaxValue || second > int.MaxValue)
                {
                    continue;
                }

                if (type == 1)
                {
                    table.AddOffset((int)number, (int)second);
                }
                else if (type == 2)
                {
                    table.AddCompressed((int)number, (int)second);
                }
            }
        }

        return stream.Dictionary;
    }

    private static long Field(byte[] entries, int position, int width)
    {
        long value = 0;
        for (var i = 0; i < width; i++)
        {
            value = value << 8 | entries[position + i];
        }

        return value;
    }

    /// <summary>The offsets must point at their objects' headers and the catalog must be there; otherwise the file is rescanned.</summary>
    private static void Validate(PdfObjectTable table)
    {
        foreach (var (number, offset) in table.Offsets)
        {
            var header = new PdfLexer(table.Data) { Position = offset }.Next();
            if (!header.IsInteger || (double)header.Value! != number)
            {
                throw new PdfFormatException($"object {number} is not at its recorded offset");
            }
        }

        if (table.Dictionary(table.Trailer.Get("Root")) is null)
        {
            throw new PdfFormatException("the trailer has no catalog");
        }
    }
}
