using System.IO.Compression;

namespace Zygo.Engine.Rag.Pdf.Objects;

/// <summary>The stream filters this reader decodes. Each returns the decoded bytes; damaged input yields what could be decoded.</summary>
internal static class PdfFilters
{
    public static byte[] Flate(ReadOnlySpan<byte> data, PdfBudget budget)
    {
        using var input = new MemoryStream(data.ToArray());
        // Most producers write a zlib header; some write raw deflate data, which ZLibStream would reject.
        var zlib = data.Length >= 2 && (data[0] & 0x0F) == 8 && (data[0] << 8 | data[1]) % 31 == 0;
        using Stream inflater = zlib ? new ZLibStream(input, CompressionMode.Decompress) : new DeflateStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        var buffer = new byte[64 * 1024];
        try
        {
            int read;
            while ((read = inflater.Read(buffer)) > 0)
            {
                budget.Take(read);
                output.Write(buffer, 0, read);
            }
        }
        catch (InvalidDataException)
        {
            // A truncated or corrupt stream: keep the text decoded before the damage.
        }

        return output.ToArray();
    }

    public static byte[] AsciiHex(ReadOnlySpan<byte> data)
    {
        var output = new List<byte>(data.Length / 2);
        var high = -1;
        foreach (var b in data)
        {
            if (b == '>')
            {
                break;
            }

            var nibble = Syntax.PdfLexer.HexValue(b);
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
                output.Add((byte)(high << 4 | nibble));
                high = -1;
            }
        }

        if (high >= 0)
        {
            output.Add((byte)(high << 4));
        }

        return [.. output];
    }

    public static byte[] Ascii85(ReadOnlySpan<byte> data)
    {
        var output = new List<byte>(data.Length);
        var start = data.StartsWith("<~"u8) ? 2 : 0;
        ulong tuple = 0;
        var count = 0;
        for (var i = start; i < data.Length; i++)
        {
            var b = data[i];
            if (b == '~')
            {
                break;
            }

            if (b == 'z' && count == 0)
            {
                output.AddRange([0, 0, 0, 0]);
            }
            else if (b is >= (byte)'!' and <= (byte)'u')
            {
                tuple = tuple * 85 + (ulong)(b - '!');
                if (++count == 5)
                {
                    AddTuple(output, tuple, 4);
                    (tuple, count) = (0, 0);
                }
            }
        }

        if (count > 1)
        {
            // A final partial group is padded with 'u' (84) and yields one byte fewer than its characters.
            for (var pad = count; pad < 5; pad++)
            {
                tuple = tuple * 85 + 84;
            }

            AddTuple(output, tuple, count - 1);
        }

        return [.. output];
    }

    private static void AddTuple(List<byte> output, ulong tuple, int bytes)
    {
        var value = (uint)tuple;
        for (var i = 0; i < bytes; i++)
        {
            output.Add((byte)(value >> (24 - 8 * i)));
        }
    }

    public static byte[] RunLength(ReadOnlySpan<byte> data, PdfBudget budget)
    {
        var output = new List<byte>(data.Length);
        var i = 0;
        while (i < data.Length && data[i] != 128)
        {
            int length = data[i++];
            if (length < 128)
            {
                var copy = Math.Min(length + 1, data.Length - i);
                budget.Take(copy);
                output.AddRange(data.Slice(i, copy));
                i += copy;
            }
            else if (i < data.Length)
            {
                budget.Take(257 - length);
                output.AddRange(Enumerable.Repeat(data[i++], 257 - length));
            }
        }

        return [.. output];
    }
}
