using System.Globalization;
using System.Text;

namespace Zygo.Engine.Rag.Pdf.Text;

/// <summary>
/// Unicode text for the glyph names of font encodings and <c>/Differences</c>: the Latin names of the standard
/// encodings, <c>uniXXXX</c>/<c>uXXXX</c>, accented letters by composition (<c>eacute</c> = e + acute), ligatures as
/// their letters (<c>fi</c> → "fi") and <c>f_f_i</c> style names. Unknown names give null.
/// </summary>
internal static class PdfGlyphNames
{
    private static readonly Dictionary<string, string> Named = new(StringComparer.Ordinal)
    {
        ["space"] = " ", ["exclam"] = "!", ["quotedbl"] = "\"", ["numbersign"] = "#", ["dollar"] = "$", ["percent"] = "%",
        ["ampersand"] = "&", ["quotesingle"] = "'", ["quoteright"] = "\u2019", ["parenleft"] = "(", ["parenright"] = ")",
        ["asterisk"] = "*", ["plus"] = "+", ["comma"] = ",", ["hyphen"] = "-", ["period"] = ".", ["slash"] = "/",
        ["zero"] = "0", ["one"] = "1", ["two"] = "2", ["three"] = "3", ["four"] = "4", ["five"] = "5", ["six"] = "6",
        ["seven"] = "7", ["eight"] = "8", ["nine"] = "9", ["colon"] = ":", ["semicolon"] = ";", ["less"] = "<",
        ["equal"] = "=", ["greater"] = ">", ["question"] = "?", ["at"] = "@", ["bracketleft"] = "[", ["backslash"] = "\\",
        ["bracketright"] = "]", ["asciicircum"] = "^", ["underscore"] = "_", ["grave"] = "`", ["quoteleft"] = "\u2018",
        ["braceleft"] = "{", ["bar"] = "|", ["braceright"] = "}", ["asciitilde"] = "~", ["exclamdown"] = "¡", ["cent"] = "¢",
        ["sterling"] = "£", ["fraction"] = "\u2044", ["yen"] = "¥", ["florin"] = "ƒ", ["section"] = "§", ["currency"] = "¤",
        ["quotedblleft"] = "\u201C", ["quotedblright"] = "\u201D", ["guillemotleft"] = "«", ["guillemotright"] = "»",
        ["guilsinglleft"] = "\u2039", ["guilsinglright"] = "\u203A", ["endash"] = "\u2013", ["emdash"] = "\u2014",
        ["dagger"] = "\u2020", ["daggerdbl"] = "\u2021", ["periodcentered"] = "·", ["paragraph"] = "¶", ["bullet"] = "\u2022",
        ["quotesinglbase"] = "\u201A", ["quotedblbase"] = "\u201E", ["ellipsis"] = "\u2026", ["perthousand"] = "\u2030",
        ["questiondown"] = "¿", ["acute"] = "´", ["circumflex"] = "ˆ", ["tilde"] = "˜", ["macron"] = "¯", ["breve"] = "˘",
        ["dotaccent"] = "˙", ["dieresis"] = "¨", ["ring"] = "˚", ["cedilla"] = "¸", ["hungarumlaut"] = "˝", ["ogonek"] = "˛",
        ["caron"] = "ˇ", ["AE"] = "Æ", ["ae"] = "æ", ["OE"] = "Œ", ["oe"] = "œ", ["Oslash"] = "Ø", ["oslash"] = "ø",
        ["Lslash"] = "Ł", ["lslash"] = "ł", ["dotlessi"] = "ı", ["germandbls"] = "ß", ["Eth"] = "Ð", ["eth"] = "ð",
        ["Thorn"] = "Þ", ["thorn"] = "þ", ["ordfeminine"] = "ª", ["ordmasculine"] = "º", ["copyright"] = "©",
        ["registered"] = "®", ["trademark"] = "\u2122", ["degree"] = "°", ["plusminus"] = "±", ["multiply"] = "×",
        ["divide"] = "÷", ["minus"] = "\u2212", ["logicalnot"] = "¬", ["brokenbar"] = "¦", ["mu"] = "µ", ["onehalf"] = "½",
        ["onequarter"] = "¼", ["threequarters"] = "¾", ["onesuperior"] = "¹", ["twosuperior"] = "²", ["threesuperior"] = "³",
        ["nbspace"] = " ", ["Euro"] = "€", ["euro"] = "€", ["fi"] = "fi", ["fl"] = "fl", ["ff"] = "ff", ["ffi"] = "ffi",
        ["ffl"] = "ffl",
    };

    private static readonly (string Suffix, char Mark)[] Accents =
    [
        ("acute", '\u0301'), ("grave", '\u0300'), ("circumflex", '\u0302'), ("dieresis", '\u0308'), ("tilde", '\u0303'),
        ("ring", '\u030A'), ("cedilla", '\u0327'), ("caron", '\u030C'), ("macron", '\u0304'), ("breve", '\u0306'),
        ("ogonek", '\u0328'), ("dotaccent", '\u0307'), ("hungarumlaut", '\u030B'),
    ];

    public static string? ToUnicode(string name)
    {
        // "a.sc", "one.oldstyle": the part before the dot names the character.
        var dot = name.IndexOf('.');
        if (dot > 0)
        {
            name = name[..dot];
        }

        if (name.Contains('_'))
        {
            var parts = name.Split('_').Select(Single).ToList();
            return parts.All(p => p is not null) ? string.Concat(parts) : null;
        }

        return Single(name);
    }

    private static string? Single(string name)
    {
        if (name.Length == 1 && char.IsAsciiLetter(name[0]))
        {
            return name;
        }

        if (Named.TryGetValue(name, out var text))
        {
            return text;
        }

        return FromCodePoints(name) ?? Composed(name);
    }

    /// <summary><c>uni00E9</c> (one or more groups of four hex digits) or <c>u1F600</c> (four to six).</summary>
    private static string? FromCodePoints(string name)
    {
        if (name.StartsWith("uni", StringComparison.Ordinal) && name.Length >= 7 && (name.Length - 3) % 4 == 0)
        {
            var builder = new StringBuilder();
            for (var i = 3; i < name.Length; i += 4)
            {
                if (!int.TryParse(name.AsSpan(i, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var unit))
                {
                    return null;
                }

                builder.Append((char)unit);
            }

            return builder.ToString();
        }

        if (name.Length is >= 5 and <= 7 && name[0] == 'u'
            && int.TryParse(name.AsSpan(1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var codePoint)
            && codePoint <= 0x10FFFF && codePoint is < 0xD800 or > 0xDFFF)
        {
            return char.ConvertFromUtf32(codePoint);
        }

        return null;
    }

    private static string? Composed(string name)
    {
        foreach (var (suffix, mark) in Accents)
        {
            if (name.Length == suffix.Length + 1 && name.EndsWith(suffix, StringComparison.Ordinal) && char.IsAsciiLetter(name[0]))
            {
                var composed = string.Concat(name[0], mark).Normalize(NormalizationForm.FormC);
                return composed.Length == 1 ? composed : null;
            }
        }

        return null;
    }
}
