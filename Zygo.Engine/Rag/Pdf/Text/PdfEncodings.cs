using System.Text;

namespace Zygo.Engine.Rag.Pdf.Text;

/// <summary>The simple-font base encodings: byte code → text (null for codes that have none).</summary>
internal static class PdfEncodings
{
    public static readonly string?[] WinAnsi = FromCodePage(1252);

    public static readonly string?[] MacRoman = FromCodePage(10000);

    public static readonly string?[] Standard = BuildStandard();

    public static string?[]? ByName(string? name) => name switch
    {
        "WinAnsiEncoding" => WinAnsi,
        "MacRomanEncoding" => MacRoman,
        "StandardEncoding" => Standard,
        _ => null,
    };

    private static string?[] FromCodePage(int codePage)
    {
        var encoding = CodePagesEncodingProvider.Instance.GetEncoding(codePage)!;
        var table = new string?[256];
        for (var code = 32; code < 256; code++)
        {
            var text = encoding.GetString([(byte)code]);
            table[code] = text.Length == 1 && char.IsControl(text[0]) ? null : text;
        }

        // PDF's WinAnsi also draws these codes, as a bullet (127) and a non-breaking space shown as a space.
        if (codePage == 1252)
        {
            table[127] = "\u2022";
            table[160] = " ";
        }

        return table;
    }

    /// <summary>Adobe StandardEncoding: ASCII with curly quotes at 39 and 96, and its own upper half.</summary>
    private static string?[] BuildStandard()
    {
        var table = new string?[256];
        for (var code = 32; code < 127; code++)
        {
            table[code] = ((char)code).ToString();
        }

        table[39] = "\u2019";
        table[96] = "\u2018";
        string[] upper =
        [
            "A1 exclamdown", "A2 cent", "A3 sterling", "A4 fraction", "A5 yen", "A6 florin", "A7 section", "A8 currency",
            "A9 quotesingle", "AA quotedblleft", "AB guillemotleft", "AC guilsinglleft", "AD guilsinglright", "AE fi", "AF fl",
            "B1 endash", "B2 dagger", "B3 daggerdbl", "B4 periodcentered", "B6 paragraph", "B7 bullet", "B8 quotesinglbase",
            "B9 quotedblbase", "BA quotedblright", "BB guillemotright", "BC ellipsis", "BD perthousand", "BF questiondown",
            "C1 grave", "C2 acute", "C3 circumflex", "C4 tilde", "C5 macron", "C6 breve", "C7 dotaccent", "C8 dieresis",
            "CA ring", "CB cedilla", "CD hungarumlaut", "CE ogonek", "CF caron", "D0 emdash", "E1 AE", "E3 ordfeminine",
            "E8 Lslash", "E9 Oslash", "EA OE", "EB ordmasculine", "F1 ae", "F5 dotlessi", "F8 lslash", "F9 oslash", "FA oe",
            "FB germandbls",
        ];
        foreach (var entry in upper)
        {
            table[Convert.ToInt32(entry[..2], 16)] = PdfGlyphNames.ToUnicode(entry[3..]);
        }

        return table;
    }
}
