using System.Text;
using Zygo.Engine.Rag.Pdf.Syntax;

namespace Zygo.Engine.Rag.Pdf.Text;

/// <summary>
/// A CMap read from a <c>/ToUnicode</c> (or embedded <c>/Encoding</c>) stream: its code space and the text of each code
/// from <c>bfchar</c> and <c>bfrange</c> (both the incrementing and the array form).
/// </summary>
internal sealed class PdfCMap
{
    /// <summary>More mappings than any real font has (Unicode has ~150,000 assigned characters).</summary>
    private const int MaxMappings = 300_000;

    private readonly Dictionary<(int Length, uint Code), string> mappings = [];

    public PdfCodeSpace CodeSpace { get; } = new(2);

    public string? Lookup(uint code, int length) => mappings.GetValueOrDefault((length, code));

    public static PdfCMap Parse(byte[] data)
    {
        var map = new PdfCMap();
        var parser = new PdfParser(new PdfLexer(data));
        try
        {
            while (parser.ReadObject() is var value && value != PdfParser.EndOfData)
            {
                switch ((value as PdfOperator)?.Name)
                {
                    case "begincodespacerange":
                        foreach (var pair in Section(parser, "endcodespacerange").Chunk(2).Where(p => p.Length == 2))
                        {
                            if (pair[0] is PdfString low && pair[1] is PdfString high)
                            {
                                map.CodeSpace.Add(low.Bytes, high.Bytes);
                            }
                        }

                        break;
                    case "beginbfchar":
                        foreach (var pair in Section(parser, "endbfchar").Chunk(2).Where(p => p.Length == 2))
                        {
                            map.AddChar(pair[0], pair[1]);
                        }

                        break;
                    case "beginbfrange":
                        foreach (var triple in Section(parser, "endbfrange").Chunk(3).Where(t => t.Length == 3))
                        {
                            map.AddRange(triple[0], triple[1], triple[2]);
                        }

                        break;
                }
            }
        }
        catch (PdfFormatException)
        {
            // A damaged CMap keeps the mappings read before the damage.
        }

        return map;
    }

    private static List<object?> Section(PdfParser parser, string end)
    {
        var values = new List<object?>();
        while (parser.ReadObject() is var value && value != PdfParser.EndOfData && (value as PdfOperator)?.Name != end)
        {
            values.Add(value);
        }

        return values;
    }

    private void AddChar(object? source, object? destination)
    {
        if (source is PdfString code && code.Bytes.Length is >= 1 and <= 4 && Destination(destination) is { } text)
        {
            Add(code.Bytes.Length, PdfCodeSpace.Code(code.Bytes, 0, code.Bytes.Length), text);
        }
    }

    private void AddRange(object? lowValue, object? highValue, object? destination)
    {
        if (lowValue is not PdfString low || highValue is not PdfString high || low.Bytes.Length is < 1 or > 4)
        {
            return;
        }

        var length = low.Bytes.Length;
        var (first, last) = (PdfCodeSpace.Code(low.Bytes, 0, length), PdfCodeSpace.Code(high.Bytes, 0, Math.Min(high.Bytes.Length, length)));
        if (last < first || last - first > 0xFFFF)
        {
            return;
        }

        if (destination is PdfArray array)
        {
            for (var i = 0; i < array.Count && first + i <= last; i++)
            {
                if (Destination(array[i]) is { } text)
                {
                    Add(length, first + (uint)i, text);
                }
            }

            return;
        }

        if (Destination(destination) is not { Length: > 0 } start)
        {
            return;
        }

        // Each code after the first adds one to the last character of the destination.
        for (long code = first; code <= last; code++)
        {
            var last16 = start[^1] + (int)(code - first);
            if (last16 > 0xFFFF)
            {
                break;
            }

            Add(length, (uint)code, string.Concat(start.AsSpan(0, start.Length - 1), ((char)last16).ToString()));
        }
    }

    private void Add(int length, uint code, string text)
    {
        if (mappings.Count < MaxMappings)
        {
            mappings[(length, code)] = text;
        }
    }

    private static string? Destination(object? value) => value switch
    {
        PdfString text => Encoding.BigEndianUnicode.GetString(text.Bytes.Length % 2 == 0 ? text.Bytes : [0, .. text.Bytes]),
        PdfName name => PdfGlyphNames.ToUnicode(name.Value),
        _ => null,
    };
}
