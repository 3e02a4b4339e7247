using Zygo.Engine.Rag.Pdf.Syntax;

namespace Zygo.Engine.Rag.Pdf.Objects;

/// <summary>Applies a stream's <c>/Filter</c> chain. An unsupported filter (an image codec, LZW) skips the stream with a note.</summary>
internal static class PdfStreamDecoder
{
    /// <summary>The decoded bytes, or null with <paramref name="skipped"/> saying why.</summary>
    public static byte[]? Decode(PdfStream stream, PdfObjectTable objects, PdfBudget budget, out string? skipped)
    {
        skipped = null;
        var filters = objects.Resolve(stream.Dictionary.Get("Filter")) switch
        {
            PdfName name => [name],
            PdfArray array => array.Select(objects.Resolve).OfType<PdfName>().ToList(),
            _ => new List<PdfName>(),
        };
        var parameters = objects.Resolve(stream.Dictionary.Get("DecodeParms"));
        var data = stream.Data.AsSpan(stream.Start, stream.Length).ToArray();
        for (var i = 0; i < filters.Count; i++)
        {
            switch (filters[i].Value)
            {
                case "FlateDecode" or "Fl":
                    data = PdfFilters.Flate(data, budget);
                    data = Predict(data, ParametersAt(parameters, i, objects), objects);
                    break;
                case "ASCIIHexDecode" or "AHx":
                    data = PdfFilters.AsciiHex(data);
                    break;
                case "ASCII85Decode" or "A85":
                    data = PdfFilters.Ascii85(data);
                    break;
                case "RunLengthDecode" or "RL":
                    data = PdfFilters.RunLength(data, budget);
                    break;
                default:
                    skipped = $"a stream uses the {filters[i].Value} filter, which this reader does not decode; it was skipped";
                    return null;
            }
        }

        // Unfiltered data counts too: the budget also bounds how much content is interpreted when pages reuse a stream.
        if (filters.Count == 0)
        {
            budget.Take(data.Length);
        }

        return data;
    }

    private static PdfDictionary? ParametersAt(object? parameters, int index, PdfObjectTable objects) => parameters switch
    {
        PdfDictionary dictionary => index == 0 ? dictionary : null,
        PdfArray array when index < array.Count => objects.Resolve(array[index]) as PdfDictionary,
        _ => null,
    };

    private static byte[] Predict(byte[] data, PdfDictionary? parameters, PdfObjectTable objects)
    {
        if (parameters is null)
        {
            return data;
        }

        int Value(string key, int fallback) => objects.Resolve(parameters.Get(key)) is double d ? (int)Math.Clamp(d, int.MinValue, int.MaxValue) : fallback;
        return PdfPredictor.Undo(data, Value("Predictor", 1), Value("Colors", 1), Value("BitsPerComponent", 8), Value("Columns", 1));
    }
}
