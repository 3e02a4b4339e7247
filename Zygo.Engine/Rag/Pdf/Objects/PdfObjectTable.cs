using Zygo.Engine.Rag.Pdf.Syntax;

namespace Zygo.Engine.Rag.Pdf.Objects;

/// <summary>
/// Where each object of a file lies (an offset in the file, or a slot in an object stream) and the objects themselves,
/// parsed on first use. Filled by <see cref="PdfXrefReader"/>, or by <see cref="PdfObjectScanner"/> when the
/// cross-reference data is missing or wrong.
/// </summary>
internal sealed class PdfObjectTable(byte[] data, PdfBudget budget, List<string> notes)
{
    private const int MaxReferenceChain = 32;

    /// <summary>
    /// Objects being parsed inside one another (a stream's /Length naming a stream whose /Length names another…); a
    /// crafted chain deeper than this would otherwise exhaust the stack.
    /// </summary>
    private const int MaxNestedLoads = 64;

    private readonly Dictionary<int, int> offsets = [];
    private readonly Dictionary<int, int> compressed = [];
    private readonly Dictionary<int, object?> cache = [];
    private readonly HashSet<int> loading = [];
    private readonly Dictionary<int, (byte[] Data, Dictionary<int, int> Offsets)?> objectStreams = [];

    public byte[] Data => data;

    public PdfDictionary Trailer { get; } = new();

    public IEnumerable<int> Numbers => offsets.Keys.Concat(compressed.Keys).Distinct().Order();

    public IEnumerable<KeyValuePair<int, int>> Offsets => offsets;

    /// <summary>Records an object's offset; <paramref name="replace"/> lets a later scan hit win over an earlier one.</summary>
    public void AddOffset(int number, int offset, bool replace = false)
    {
        if (number < 0 || offset < 0 || offset >= data.Length || (!replace && Has(number)))
        {
            return;
        }

        CheckCount();
        compressed.Remove(number);
        offsets[number] = offset;
    }

    /// <summary>Records that an object lies in an object stream; the stream's own header says where.</summary>
    public void AddCompressed(int number, int stream)
    {
        if (number < 0 || Has(number))
        {
            return;
        }

        CheckCount();
        compressed[number] = stream;
    }

    /// <summary>Adds trailer keys not set yet: the newest section is read first, so its values win.</summary>
    public void MergeTrailer(PdfDictionary section)
    {
        foreach (var (key, value) in section)
        {
            Trailer.TryAdd(key, value);
        }
    }

    public void Clear()
    {
        offsets.Clear();
        compressed.Clear();
        cache.Clear();
        objectStreams.Clear();
        Trailer.Clear();
    }

    private bool Has(int number) => offsets.ContainsKey(number) || compressed.ContainsKey(number);

    private void CheckCount()
    {
        if (offsets.Count + compressed.Count >= PdfLimits.MaxObjects)
        {
            throw new PdfReadException($"The PDF has more than {PdfLimits.MaxObjects:N0} objects; split it into smaller files.");
        }
    }

    /// <summary>Follows references to the object itself; null for a missing object or a reference cycle.</summary>
    public object? Resolve(object? value)
    {
        for (var i = 0; i < MaxReferenceChain && value is PdfRef reference; i++)
        {
            value = Get(reference.Number);
        }

        return value is PdfRef ? null : value;
    }

    public PdfDictionary? Dictionary(object? value) => Resolve(value) switch
    {
        PdfDictionary dictionary => dictionary,
        PdfStream stream => stream.Dictionary,
        _ => null,
    };

    public double? Number(object? value) => Resolve(value) as double?;

    /// <summary>A stream's decoded bytes; null (with a note) when its filter is not supported.</summary>
    public byte[]? Decode(PdfStream stream)
    {
        var decoded = PdfStreamDecoder.Decode(stream, this, budget, out var skipped);
        if (skipped is not null && !notes.Contains(skipped))
        {
            notes.Add(skipped);
        }

        return decoded;
    }

    public object? Get(int number)
    {
        if (cache.TryGetValue(number, out var cached))
        {
            return cached;
        }

        if (loading.Count >= MaxNestedLoads || !loading.Add(number))
        {
            return null;
        }

        try
        {
            var value = offsets.TryGetValue(number, out var offset) ? ParseIndirectAt(offset, number)
                : compressed.TryGetValue(number, out var stream) ? FromObjectStream(number, stream)
                : null;
            cache[number] = value;
            return value;
        }
        finally
        {
            loading.Remove(number);
        }
    }

    /// <summary>Reads <c>N G obj … endobj</c> at an offset; null when no object header for <paramref name="number"/> (any, if null) is there.</summary>
    public object? ParseIndirectAt(int offset, int? number = null)
    {
        var lexer = new PdfLexer(data) { Position = offset };
        var first = lexer.Next();
        if (!first.IsInteger || (number is { } expected && (double)first.Value! != expected) || !lexer.Next().IsInteger
            || !lexer.Next().IsKeyword("obj"))
        {
            return null;
        }

        var parser = new PdfParser(lexer);
        var value = parser.ReadObject();
        if (value is not PdfDictionary dictionary)
        {
            return value == PdfParser.EndOfData ? null : value;
        }

        var mark = lexer.Position;
        return lexer.Next().IsKeyword("stream") ? ReadStream(dictionary, lexer.Position) : Restore(lexer, mark, dictionary);
    }

    private static PdfDictionary Restore(PdfLexer lexer, int mark, PdfDictionary dictionary)
    {
        lexer.Position = mark;
        return dictionary;
    }

    private PdfStream ReadStream(PdfDictionary dictionary, int afterKeyword)
    {
        // The data starts after the end of line that follows "stream" (CR LF or LF; a lone CR from sloppy writers).
        var start = afterKeyword;
        if (start < data.Length && data[start] == 13)
        {
            start++;
        }

        if (start < data.Length && data[start] == 10)
        {
            start++;
        }

        var declared = Number(dictionary.Get("Length"));
        if (declared is { } length && length >= 0 && start + length <= data.Length && EndstreamFollows(start + (int)length))
        {
            return new PdfStream(dictionary, data, start, (int)length);
        }

        // A wrong or missing /Length: the data runs to the next "endstream".
        var end = data.AsSpan(start).IndexOf("endstream"u8);
        var stop = end < 0 ? data.Length : start + end;
        while (stop > start && data[stop - 1] is 10 or 13)
        {
            stop--;
        }

        return new PdfStream(dictionary, data, start, stop - start);
    }

    private bool EndstreamFollows(int position)
    {
        while (position < data.Length && PdfLexer.IsWhitespace(data[position]))
        {
            position++;
        }

        return data.AsSpan(position).StartsWith("endstream"u8);
    }

    private object? FromObjectStream(int number, int streamNumber)
    {
        if (!objectStreams.TryGetValue(streamNumber, out var contents))
        {
            contents = objectStreams[streamNumber] = ReadObjectStream(streamNumber);
        }

        if (contents is not { } stream || !stream.Offsets.TryGetValue(number, out var offset))
        {
            return null;
        }

        var parser = new PdfParser(new PdfLexer(stream.Data) { Position = offset });
        var value = parser.ReadObject();
        return value == PdfParser.EndOfData ? null : value;
    }

    /// <summary>An object stream's decoded data and the offsets of its objects (from its header of number/offset pairs).</summary>
    private (byte[] Data, Dictionary<int, int> Offsets)? ReadObjectStream(int streamNumber)
    {
        if (Get(streamNumber) is not PdfStream stream || Decode(stream) is not { } decoded)
        {
            return null;
        }

        var count = (int)Math.Clamp(Number(stream.Dictionary.Get("N")) ?? 0, 0, PdfLimits.MaxObjects);
        var first = (int)Math.Clamp(Number(stream.Dictionary.Get("First")) ?? 0, 0, decoded.Length);
        var lexer = new PdfLexer(decoded, 0, first);
        var positions = new Dictionary<int, int>();
        for (var i = 0; i < count; i++)
        {
            var (number, offset) = (lexer.Next(), lexer.Next());
            if (!number.IsInteger || !offset.IsInteger)
            {
                break;
            }

            positions.TryAdd((int)(double)number.Value!, (int)Math.Min(first + (double)offset.Value!, decoded.Length));
        }

        return (decoded, positions);
    }
}
