using Zygo.Engine.Rag.Pdf.Syntax;

namespace Zygo.Engine.Rag.Pdf.Objects;

/// <summary>
/// Rebuilds the object table of a damaged file by finding every <c>N G obj</c> header (a later copy of an object wins,
/// as in an incremental update), then the trailer keys and the objects packed in object streams.
/// </summary>
internal static class PdfObjectScanner
{
    public static void Scan(PdfObjectTable table)
    {
        table.Clear();
        var data = table.Data;
        for (var from = 0; from < data.Length;)
        {
            var found = data.AsSpan(from).IndexOf("obj"u8);
            if (found < 0)
            {
                break;
            }

            var keyword = from + found;
            from = keyword + 3;
            if ((from >= data.Length || !PdfLexer.IsRegular(data[from])) && HeaderStart(data, keyword) is { } header)
            {
                table.AddOffset(header.Number, header.Start, replace: true);
            }
        }

        foreach (var trailer in Trailers(data))
        {
            table.Trailer.Clear();
            table.MergeTrailer(trailer);
        }

        IndexObjects(table);
    }

    /// <summary>Walks back from "obj" over "N G " to the object number; null when the bytes before are not such a header.</summary>
    private static (int Number, int Start)? HeaderStart(byte[] data, int keyword)
    {
        var i = keyword - 1;
        if (!SkipWhitespace(data, ref i) || !SkipDigits(data, ref i, out _) || !SkipWhitespace(data, ref i)
            || !SkipDigits(data, ref i, out var number))
        {
            return null;
        }

        return i < 0 || !PdfLexer.IsRegular(data[i]) ? (number, i + 1) : null;
    }

    private static bool SkipWhitespace(byte[] data, ref int i)
    {
        var start = i;
        while (i >= 0 && PdfLexer.IsWhitespace(data[i]))
        {
            i--;
        }

        return i < start;
    }

    private static bool SkipDigits(byte[] data, ref int i, out int value)
    {
        var (start, scale) = (i, 1L);
        long total = 0;
        while (i >= 0 && data[i] is >= (byte)'0' and <= (byte)'9' && start - i < 10)
        {
            total += (data[i] - '0') * scale;
            scale *= 10;
            i--;
        }

        value = (int)Math.Min(total, int.MaxValue);
        return i < start;
    }

    private static IEnumerable<PdfDictionary> Trailers(byte[] data)
    {
        for (var from = 0; from < data.Length;)
        {
            var found = data.AsSpan(from).IndexOf("trailer"u8);
            if (found < 0)
            {
                yield break;
            }

            var lexer = new PdfLexer(data) { Position = from + found + "trailer".Length };
            from = lexer.Position;
            if (new PdfParser(lexer).ReadObject() is PdfDictionary trailer)
            {
                yield return trailer;
            }
        }
    }

    /// <summary>
    /// Registers the contents of object streams, takes trailer keys from cross-reference streams, and finds the catalog
    /// when no trailer names it.
    /// </summary>
    private static void IndexObjects(PdfObjectTable table)
    {
        foreach (var number in table.Numbers.ToList())
        {
            var dictionary = table.Dictionary(table.Get(number));
            switch (dictionary?.NameOf("Type"))
            {
                case "ObjStm":
                    foreach (var contained in ObjectStreamNumbers(table, number))
                    {
                        table.AddCompressed(contained, number);
                    }

                    break;
                case "XRef":
                    table.MergeTrailer(dictionary);
                    break;
                case "Catalog":
                    table.Trailer.TryAdd("Root", new PdfRef(number, 0));
                    break;
            }
        }
    }

    private static IEnumerable<int> ObjectStreamNumbers(PdfObjectTable table, int streamNumber)
    {
        if (table.Get(streamNumber) is not PdfStream stream || table.Decode(stream) is not { } decoded)
        {
            yield break;
        }

        var first = (int)Math.Clamp(table.Number(stream.Dictionary.Get("First")) ?? 0, 0, decoded.Length);
        var lexer = new PdfLexer(decoded, 0, first);
        while (true)
        {
            var (number, offset) = (lexer.Next(), lexer.Next());
            if (!number.IsInteger || !offset.IsInteger)
            {
                yield break;
            }

            yield return (int)(double)number.Value!;
        }
    }
}
