using Zygo.Engine.Rag.Pdf.Objects;
using Zygo.Engine.Rag.Pdf.Syntax;

namespace Zygo.Engine.Rag.Pdf.Text;

/// <summary>Builds <see cref="PdfFont"/>s from font dictionaries (simple Type1/TrueType/Type3 and composite Type0), once per dictionary.</summary>
internal sealed class PdfFontReader(PdfObjectTable objects)
{
    private const double DefaultSimpleWidth = 0.5;

    private readonly Dictionary<PdfDictionary, PdfFont> fonts = new(ReferenceEqualityComparer.Instance);

    public PdfFont Read(PdfDictionary dictionary)
    {
        if (!fonts.TryGetValue(dictionary, out var font))
        {
            font = fonts[dictionary] = dictionary.NameOf("Subtype") == "Type0" ? Composite(dictionary) : Simple(dictionary);
        }

        return font;
    }

    private PdfFont Simple(PdfDictionary font)
    {
        var toUnicode = ToUnicode(font);
        var widths = objects.Resolve(font.Get("Widths")) as PdfArray;
        var firstChar = (int)(objects.Number(font.Get("FirstChar")) ?? 0);
        var missing = objects.Number(objects.Dictionary(font.Get("FontDescriptor"))?.Get("MissingWidth"));
        // Type 3 glyph widths are in the font's own units (its /FontMatrix); other simple fonts use thousandths.
        var scale = font.NameOf("Subtype") == "Type3" && objects.Resolve(font.Get("FontMatrix")) is PdfArray { Count: > 0 } matrix
            ? objects.Number(matrix[0]) ?? 0.001 : 0.001;
        double Width(uint code)
        {
            var index = (long)code - firstChar;
            return widths is not null && index >= 0 && index < widths.Count && objects.Number(widths[(int)index]) is { } w ? w * scale
                : missing is { } m && m > 0 ? m * scale : DefaultSimpleWidth;
        }

        return new PdfFont(PdfCodeSpace.OneByte, toUnicode, SimpleEncoding(font), Width);
    }

    private PdfFont Composite(PdfDictionary font)
    {
        var toUnicode = ToUnicode(font);
        var codes = objects.Resolve(font.Get("Encoding")) is PdfStream embedded && objects.Decode(embedded) is { } data
            && PdfCMap.Parse(data).CodeSpace is { IsEmpty: false } space ? space
            : toUnicode is { CodeSpace.IsEmpty: false } ? toUnicode.CodeSpace : PdfCodeSpace.TwoByte;
        var descendant = objects.Resolve(font.Get("DescendantFonts")) is PdfArray { Count: > 0 } descendants
            ? objects.Dictionary(descendants[0]) : null;
        var defaultWidth = (objects.Number(descendant?.Get("DW")) ?? 1000) / 1000;
        var widths = CidWidths(objects.Resolve(descendant?.Get("W")) as PdfArray);
        return new PdfFont(codes, toUnicode, null, code => widths.TryGetValue(code, out var w) ? w / 1000 : defaultWidth);
    }

    /// <summary>A CID font's <c>/W</c>: <c>first [w1 w2 …]</c> or <c>first last w</c> entries.</summary>
    private Dictionary<uint, double> CidWidths(PdfArray? array)
    {
        var widths = new Dictionary<uint, double>();
        for (var i = 0; array is not null && i + 1 < array.Count;)
        {
            if (objects.Number(array[i]) is not { } first || first < 0)
            {
                break;
            }

            if (objects.Resolve(array[i + 1]) is PdfArray list)
            {
                for (var j = 0; j < list.Count; j++)
                {
                    widths[(uint)first + (uint)j] = objects.Number(list[j]) ?? 0;
                }

                i += 2;
            }
            else if (i + 2 < array.Count && objects.Number(array[i + 1]) is { } last && objects.Number(array[i + 2]) is { } width)
            {
                for (var code = first; code <= last && code - first <= 0xFFFF; code++)
                {
                    widths[(uint)code] = width;
                }

                i += 3;
            }
            else
            {
                break;
            }
        }

        return widths;
    }

    private PdfCMap? ToUnicode(PdfDictionary font) =>
        objects.Resolve(font.Get("ToUnicode")) is PdfStream stream && objects.Decode(stream) is { } data ? PdfCMap.Parse(data) : null;

    /// <summary>The base encoding (named, or StandardEncoding) with the <c>/Differences</c> applied.</summary>
    private string?[] SimpleEncoding(PdfDictionary font)
    {
        var value = objects.Resolve(font.Get("Encoding"));
        var encodingDictionary = value as PdfDictionary;
        var baseName = value is PdfName name ? name.Value : encodingDictionary?.NameOf("BaseEncoding");
        var table = (string?[])(PdfEncodings.ByName(baseName) ?? PdfEncodings.Standard).Clone();
        if (objects.Resolve(encodingDictionary?.Get("Differences")) is PdfArray differences)
        {
            var code = 0;
            foreach (var entry in differences.Select(objects.Resolve))
            {
                if (entry is double number)
                {
                    code = (int)number;
                }
                else if (entry is PdfName glyph && code is >= 0 and < 256)
                {
                    table[code++] = PdfGlyphNames.ToUnicode(glyph.Value);
                }
            }
        }

        return table;
    }
}
