using System.Text;

namespace Zygo.Engine.Rag.Pdf.Syntax;

/// <summary>
/// Splits PDF bytes (the file body, a content stream, a CMap) into tokens. Lenient: stray or malformed bytes become
/// keywords or are skipped, and every call moves forward, so garbage cannot make a caller loop.
/// </summary>
internal sealed class PdfLexer(byte[] data, int start, int end)
{
    public PdfLexer(byte[] data) : this(data, 0, data.Length)
    {
    }

    public byte[] Data => data;

    public int End => end;

    public int Position { get; set; } = start;

    public static bool IsWhitespace(byte b) => b is 0 or 9 or 10 or 12 or 13 or 32;

    public static bool IsDelimiter(byte b) => b is (byte)'(' or (byte)')' or (byte)'<' or (byte)'>' or (byte)'[' or (byte)']'
        or (byte)'{' or (byte)'}' or (byte)'/' or (byte)'%';

    public static bool IsRegular(byte b) => !IsWhitespace(b) && !IsDelimiter(b);

    public void SkipWhitespace()
    {
        while (Position < end)
        {
            var b = data[Position];
            if (IsWhitespace(b))
            {
                Position++;
            }
            else if (b == '%')
            {
                while (Position < end && data[Position] is not (10 or 13))
                {
                    Position++;
                }
            }
            else
            {
                return;
            }
        }
    }

    public PdfToken Next()
    {
        SkipWhitespace();
        if (Position >= end)
        {
            return new PdfToken(PdfTokenKind.End);
        }

        var b = data[Position];
        switch (b)
        {
            case (byte)'[':
                Position++;
                return new PdfToken(PdfTokenKind.ArrayStart);
            case (byte)']':
                Position++;
                return new PdfToken(PdfTokenKind.ArrayEnd);
            case (byte)'(':
                Position++;
                return new PdfToken(PdfTokenKind.String, new PdfString(ReadLiteral()));
            case (byte)'/':
                Position++;
                return new PdfToken(PdfTokenKind.Name, new PdfName(ReadName()));
            case (byte)'<' when Position + 1 < end && data[Position + 1] == '<':
                Position += 2;
                return new PdfToken(PdfTokenKind.DictionaryStart);
            case (byte)'<':
                Position++;
                return new PdfToken(PdfTokenKind.String, new PdfString(ReadHex()));
            case (byte)'>' when Position + 1 < end && data[Position + 1] == '>':
                Position += 2;
                return new PdfToken(PdfTokenKind.DictionaryEnd);
            case (byte)'>' or (byte)')' or (byte)'{' or (byte)'}':
                Position++;
                return new PdfToken(PdfTokenKind.Keyword, ((char)b).ToString());
        }

        var start = Position;
        while (Position < end && IsRegular(data[Position]))
        {
            Position++;
        }

        return b is >= (byte)'0' and <= (byte)'9' or (byte)'+' or (byte)'-' or (byte)'.'
            ? new PdfToken(PdfTokenKind.Number, ParseNumber(start, Position))
            : new PdfToken(PdfTokenKind.Keyword, Encoding.Latin1.GetString(data, start, Position - start));
    }

    /// <summary>Reads a number the way readers in the wild do: extra signs and stray characters are ignored.</summary>
    private double ParseNumber(int from, int to)
    {
        double value = 0, scale = 0;
        var negative = false;
        for (var i = from; i < to; i++)
        {
            var c = data[i];
            if (c == '-' && value == 0 && scale == 0)
            {
                negative = true;
            }
            else if (c == '.' && scale == 0)
            {
                scale = 1;
            }
            else if (c is >= (byte)'0' and <= (byte)'9')
            {
                if (scale == 0)
                {
                    value = value * 10 + (c - '0');
                }
                else
                {
                    scale /= 10;
                    value += (c - '0') * scale;
                }
            }
        }

        return negative ? -value : value;
    }

    private byte[] ReadLiteral()
    {
        var bytes = new List<byte>();
        var depth = 1;
        while (Position < end)
        {
            var b = data[Position++];
            switch (b)
            {
                case (byte)'\\':
                    ReadEscape(bytes);
                    break;
                case (byte)'(':
                    depth++;
                    bytes.Add(b);
                    break;
                case (byte)')':
                    if (--depth == 0)
                    {
                        return [.. bytes];
                    }

                    bytes.Add(b);
                    break;
                case 13:
                    // An end of line inside a string is a line feed, whatever the file used.
                    bytes.Add(10);
                    if (Position < end && data[Position] == 10)
                    {
                        Position++;
                    }

                    break;
                default:
                    bytes.Add(b);
                    break;
            }
        }

        return [.. bytes];
    }

    private void ReadEscape(List<byte> bytes)
    {
        if (Position >= end)
        {
            return;
        }

        var c = data[Position++];
        switch (c)
        {
            case (byte)'n': bytes.Add(10); break;
            case (byte)'r': bytes.Add(13); break;
            case (byte)'t': bytes.Add(9); break;
            case (byte)'b': bytes.Add(8); break;
            case (byte)'f': bytes.Add(12); break;
            case 13:
                // A backslash before an end of line continues the string on the next line.
                if (Position < end && data[Position] == 10)
                {
                    Position++;
                }

                break;
            case 10:
                break;
            case >= (byte)'0' and <= (byte)'7':
                var value = c - '0';
                for (var digits = 1; digits < 3 && Position < end && data[Position] is >= (byte)'0' and <= (byte)'7'; digits++)
                {
                    value = value * 8 + (data[Position++] - '0');
                }

                bytes.Add((byte)value);
                break;
            default:
                bytes.Add(c);
                break;
        }
    }

    private byte[] ReadHex()
    {
        var bytes = new List<byte>();
        var high = -1;
        while (Position < end)
        {
            var b = data[Position++];
            if (b == '>')
            {
                break;
            }

            var nibble = HexValue(b);
            if (nibble < 0)
            {
                continue;
            }

            if (high < 0)
            {
                high = nibble;
            }
            else
            {
                bytes.Add((byte)(high << 4 | nibble));
                high = -1;
            }
        }

        if (high >= 0)
        {
            bytes.Add((byte)(high << 4));
        }

        return [.. bytes];
    }

    private string ReadName()
    {
        var bytes = new List<byte>();
        while (Position < end && IsRegular(data[Position]))
        {
            var b = data[Position++];
            if (b == '#' && Position + 1 < end && HexValue(data[Position]) >= 0 && HexValue(data[Position + 1]) >= 0)
            {
                bytes.Add((byte)(HexValue(data[Position]) << 4 | HexValue(data[Position + 1])));
                Position += 2;
            }
            else
            {
                bytes.Add(b);
            }
        }

        return Encoding.Latin1.GetString([.. bytes]);
    }

    public static int HexValue(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };
}
