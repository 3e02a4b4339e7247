using System.IO.Compression;
using System.Text;

namespace Zygo.Tests.Engine.Rag.Pdf;

/// <summary>Writes small PDFs by hand: numbered objects, streams (plain or Flate), a classic xref table and trailer.</summary>
internal sealed class PdfTestBuilder
{
    private readonly List<byte[]> bodies = [];

    /// <summary>Adds an object and returns its number; objects are numbered from 1 in the order added.</summary>
    public int Add(string body)
    {
        bodies.Add(Encoding.Latin1.GetBytes(body));
        return bodies.Count;
    }

    /// <summary>A stream object with its data written as given; <paramref name="dictionary"/> holds any keys besides /Length.</summary>
    public int AddStream(byte[] data, string dictionary = "")
    {
        var head = Encoding.Latin1.GetBytes($"<< {dictionary} /Length {data.Length} >>\nstream\n");
        bodies.Add([.. head, .. data, .. "\nendstream"u8]);
        return bodies.Count;
    }

    public int AddStream(string content, string dictionary = "") => AddStream(Encoding.Latin1.GetBytes(content), dictionary);

    public int AddFlateStream(string content, string dictionary = "") =>
        AddStream(Deflate(Encoding.Latin1.GetBytes(content)), "/Filter /FlateDecode " + dictionary);

    public static byte[] Deflate(byte[] data)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.Optimal))
        {
            zlib.Write(data);
        }

        return output.ToArray();
    }

    /// <summary>The file: header, objects, xref table, trailer naming <paramref name="root"/> plus any extra trailer keys.</summary>
    public byte[] Build(int root, string trailerExtra = "")
    {
        using var file = new MemoryStream();
        file.Write("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"u8);
        var offsets = new List<long>();
        for (var i = 0; i < bodies.Count; i++)
        {
            offsets.Add(file.Position);
            file.Write(Encoding.Latin1.GetBytes($"{i + 1} 0 obj\n"));
            file.Write(bodies[i]);
            file.Write("\nendobj\n"u8);
        }

        var xref = file.Position;
        var table = new StringBuilder($"xref\n0 {bodies.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            table.Append($"{offset:D10} 00000 n \n");
        }

        table.Append($"trailer\n<< /Size {bodies.Count + 1} /Root {root} 0 R {trailerExtra} >>\nstartxref\n{xref}\n%%EOF\n");
        file.Write(Encoding.Latin1.GetBytes(table.ToString()));
        return file.ToArray();
    }

    /// <summary>
    /// The PDF 1.5 layout: every object that is not a stream packed in one object stream, and a Flate cross-reference
    /// stream with the PNG "Up" predictor instead of the xref table.
    /// </summary>
    public byte[] BuildCompressed(int root)
    {
        using var file = new MemoryStream();
        file.Write("%PDF-1.5\n"u8);
        var objectStream = bodies.Count + 1;
        var xrefStream = bodies.Count + 2;
        var entries = new List<(byte Type, int Field2, int Field3)> { (0, 0, 65535) };
        var packed = new List<(int Number, byte[] Body)>();
        for (var i = 0; i < bodies.Count; i++)
        {
            if (bodies[i].AsSpan().IndexOf("stream"u8) >= 0)
            {
                entries.Add((1, (int)file.Position, 0));
                file.Write(Encoding.Latin1.GetBytes($"{i + 1} 0 obj\n"));
                file.Write(bodies[i]);
                file.Write("\nendobj\n"u8);
            }
            else
            {
                entries.Add((2, objectStream, packed.Count));
                packed.Add((i + 1, bodies[i]));
            }
        }

        var header = new StringBuilder();
        var objects = new MemoryStream();
        foreach (var (number, body) in packed)
        {
            header.Append($"{number} {objects.Position} ");
            objects.Write(body);
            objects.WriteByte((byte)'\n');
        }

        var streamData = Deflate([.. Encoding.Latin1.GetBytes(header.ToString()), .. objects.ToArray()]);
        entries.Add((1, (int)file.Position, 0));
        file.Write(Encoding.Latin1.GetBytes(
            $"{objectStream} 0 obj\n<< /Type /ObjStm /N {packed.Count} /First {header.Length} /Filter /FlateDecode /Length {streamData.Length} >>\nstream\n"));
        file.Write(streamData);
        file.Write("\nendstream\nendobj\n"u8);

        var xrefOffset = (int)file.Position;
        entries.Add((1, xrefOffset, 0));
        var rows = new List<byte>();
        var previous = new byte[7];
        foreach (var (type, field2, field3) in entries)
        {
            byte[] row = [type, (byte)(field2 >> 24), (byte)(field2 >> 16), (byte)(field2 >> 8), (byte)field2, (byte)(field3 >> 8), (byte)field3];
            rows.Add(2); // PNG "Up": each byte stored as the difference from the byte above it
            rows.AddRange(row.Select((b, k) => (byte)(b - previous[k])));
            previous = row;
        }

        var xrefData = Deflate([.. rows]);
        file.Write(Encoding.Latin1.GetBytes(
            $"{xrefStream} 0 obj\n<< /Type /XRef /Size {xrefStream + 1} /Root {root} 0 R /W [1 4 2] /Filter /FlateDecode "
            + $"/DecodeParms << /Predictor 12 /Columns 7 >> /Length {xrefData.Length} >>\nstream\n"));
        file.Write(xrefData);
        file.Write(Encoding.Latin1.GetBytes($"\nendstream\nendobj\nstartxref\n{xrefOffset}\n%%EOF\n"));
        return file.ToArray();
    }

    /// <summary>One page drawing <paramref name="content"/> with font /F1 given by <paramref name="font"/> (an object body).</summary>
    public static byte[] SinglePage(string content, string font = Helvetica, bool flate = false, string trailerExtra = "") =>
        Pages([content], font, flate, trailerExtra);

    public static byte[] Pages(IEnumerable<string> contents, string font = Helvetica, bool flate = false, string trailerExtra = "") =>
        PagesBuilder(contents, font, flate, out var catalog).Build(catalog, trailerExtra);

    /// <summary>A catalog, a page tree holding the font resource, and one page per content stream; not yet written out.</summary>
    public static PdfTestBuilder PagesBuilder(IEnumerable<string> contents, string font, bool flate, out int catalog)
    {
        var builder = new PdfTestBuilder();
        catalog = builder.Add("<< /Type /Catalog /Pages 2 0 R >>");
        builder.Add("PAGES");
        var fontNumber = builder.Add(font);
        var kids = new List<int>();
        foreach (var content in contents)
        {
            var stream = flate ? builder.AddFlateStream(content) : builder.AddStream(content);
            kids.Add(builder.Add($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {stream} 0 R >>"));
        }

        // Resources sit on the page tree's root: the pages inherit them.
        builder.bodies[1] = Encoding.Latin1.GetBytes(
            $"<< /Type /Pages /Count {kids.Count} /Kids [{string.Join(' ', kids.Select(k => $"{k} 0 R"))}] /Resources << /Font << /F1 {fontNumber} 0 R >> >> >>");
        return builder;
    }

    /// <summary>Two pages: <paramref name="content"/>, then a page whose content stream claims <paramref name="filter"/>.</summary>
    public static byte[] WithUndecodableSecondPage(string content, string filter)
    {
        var builder = new PdfTestBuilder();
        var catalog = builder.Add("<< /Type /Catalog /Pages 2 0 R >>");
        builder.Add("<< /Type /Pages /Count 2 /Kids [3 0 R 4 0 R] /Resources << /Font << /F1 5 0 R >> >> >>");
        builder.Add("<< /Type /Page /Parent 2 0 R /Contents 6 0 R >>");
        builder.Add("<< /Type /Page /Parent 2 0 R /Contents 7 0 R >>");
        builder.Add(Helvetica);
        builder.AddStream(content);
        builder.AddStream("image bytes", $"/Filter /{filter}");
        return builder.Build(catalog);
    }

    public const string Helvetica = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>";
}
