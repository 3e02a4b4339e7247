using System.Text;
using Zygo.Engine.Rag.Pdf;
using Zygo.Engine.Rag.Pdf.Objects;

namespace Zygo.Tests.Engine.Rag.Pdf;

/// <summary>The extractor on small hand-written PDFs, one feature each: operators, encodings, filters, fonts, forms, damage.</summary>
public sealed class HandBuiltPdfTests
{
    private static string TextOf(byte[] pdf) => PdfTextExtractor.Extract(pdf).Text;

    [Fact]
    public void Lines_break_when_the_baseline_moves_and_pages_are_separated_by_a_blank_line()
    {
        var pdf = PdfTestBuilder.Pages(
        [
            "BT /F1 12 Tf 72 720 Td (Hello World) Tj 0 -14 Td (Second line) Tj 14 TL T* (Third) Tj (line) ' ET",
            "BT /F1 12 Tf 1 0 0 1 72 700 Tm (Page two) Tj 1 0 0 1 72 686 Tm (ends here) Tj ET",
        ]);

        var text = PdfTextExtractor.Extract(pdf);

        text.Pages.Should().Equal("Hello World\nSecond line\nThird\nline", "Page two\nends here");
        text.Text.Should().Be("Hello World\nSecond line\nThird\nline\n\nPage two\nends here");
    }

    [Fact]
    public void Flate_content_with_differences_and_octal_escapes_gives_accents_quotes_and_ligatures()
    {
        const string font = "<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /Encoding << /Type /Encoding "
            + "/BaseEncoding /WinAnsiEncoding /Differences [1 /eacute /quoteright /fi /uni00FC /germandbls] >> >>";

        var text = TextOf(PdfTestBuilder.SinglePage(@"BT /F1 11 Tf 72 720 Td (Caf\001 \003le it\002s \004ber Stra\005e \351t\351) Tj ET", font, flate: true));

        text.Should().Be("Café file it’s über Straße été");
    }

    [Fact]
    public void Tj_kerning_joins_letters_and_a_large_negative_adjustment_is_a_space()
    {
        TextOf(PdfTestBuilder.SinglePage("BT /F1 12 Tf 72 720 Td [(Hel) 20 (lo) -600 (World) -30 (!)] TJ ET")).Should().Be("Hello World!");
    }

    [Fact]
    public void A_jump_to_the_right_on_the_same_line_is_a_space()
    {
        TextOf(PdfTestBuilder.SinglePage("BT /F1 12 Tf 72 720 Td (Name:) Tj 200 0 Td (Value) Tj ET")).Should().Be("Name: Value");
    }

    [Fact]
    public void Hex_strings_and_an_ascii85_then_flate_filter_chain_are_decoded()
    {
        var builder = new PdfTestBuilder();
        var catalog = builder.Add("<< /Type /Catalog /Pages 2 0 R >>");
        builder.Add("<< /Type /Pages /Count 1 /Kids [3 0 R] >>");
        builder.Add("<< /Type /Page /Parent 2 0 R /Contents 5 0 R /Resources << /Font << /F1 4 0 R >> >> >>");
        builder.Add(PdfTestBuilder.Helvetica);
        var content = PdfTestBuilder.Deflate(Encoding.Latin1.GetBytes("BT /F1 12 Tf 72 720 Td <48656C6C6F2C20686578> Tj ET"));
        builder.AddStream(Ascii85(content) + "~>", "/Filter [/ASCII85Decode /FlateDecode]");

        TextOf(builder.Build(catalog)).Should().Be("Hello, hex");
    }

    [Fact]
    public void Type0_fonts_map_two_byte_codes_through_the_to_unicode_cmap()
    {
        const string cmap = """
            /CIDInit /ProcSet findresource begin 12 dict begin begincmap
            1 begincodespacerange <0000> <FFFF> endcodespacerange
            2 beginbfchar <0001> <0048> <0005> <00660069> endbfchar
            2 beginbfrange <0002> <0004> <0065> <0010> <0011> [<00DF> <D83DDE00>] endbfrange
            endcmap CMapName currentdict /CMap defineresource pop end end
            """;
        var builder = new PdfTestBuilder();
        var catalog = builder.Add("<< /Type /Catalog /Pages 2 0 R >>");
        builder.Add("<< /Type /Pages /Count 1 /Kids [3 0 R] >>");
        builder.Add("<< /Type /Page /Parent 2 0 R /Contents 6 0 R /Resources << /Font << /F1 4 0 R >> >> >>");
        builder.Add("<< /Type /Font /Subtype /Type0 /BaseFont /Sub+Font /Encoding /Identity-H /ToUnicode 5 0 R "
            + "/DescendantFonts [<< /Type /Font /Subtype /CIDFontType2 /DW 500 /W [1 [600 500] 5 5 900] >>] >>");
        builder.AddFlateStream(cmap);
        builder.AddStream("BT /F1 10 Tf 72 720 Td <0001000200030004> Tj <0005> Tj <00100011> Tj ET");

        // 0002-0004 increment from "e": e f g; 0005 is the "fi" ligature's letters; 0010-0011 take the array form.
        TextOf(builder.Build(catalog)).Should().Be("Hefgfiß😀");
    }

    [Fact]
    public void Text_inside_form_xobjects_is_read_and_inline_images_are_skipped()
    {
        var builder = new PdfTestBuilder();
        var catalog = builder.Add("<< /Type /Catalog /Pages 2 0 R >>");
        builder.Add("<< /Type /Pages /Count 1 /Kids [3 0 R] >>");
        builder.Add("<< /Type /Page /Parent 2 0 R /Contents 6 0 R /Resources << /Font << /F1 4 0 R >> /XObject << /Fm1 5 0 R >> >> >>");
        builder.Add(PdfTestBuilder.Helvetica);
        builder.AddStream("BT /F1 12 Tf 0 0 Td (Inside the form) Tj ET", "/Type /XObject /Subtype /Form /BBox [0 0 500 100] /Matrix [1 0 0 1 72 706]");
        builder.AddStream("BT /F1 12 Tf 72 720 Td (Before) Tj ET\nBI /W 2 /H 1 /BPC 8 /CS /G ID \x01(Tj EI\nq /Fm1 Do Q");

        TextOf(builder.Build(catalog)).Should().Be("Before\nInside the form");
    }

    [Fact]
    public void Object_streams_and_a_predicted_cross_reference_stream_are_read()
    {
        var builder = PdfTestBuilder.PagesBuilder(
            ["BT /F1 12 Tf 72 720 Td (Packed objects) Tj ET", "BT /F1 12 Tf 72 720 Td (Second page) Tj ET"], PdfTestBuilder.Helvetica, true, out var catalog);
        var pdf = builder.BuildCompressed(catalog);

        Encoding.Latin1.GetString(pdf).Should().Contain("/Type /ObjStm").And.NotContain("trailer");
        PdfTextExtractor.Extract(pdf).Pages.Should().Equal("Packed objects", "Second page");
        var table = new PdfObjectTable(pdf, new PdfBudget(), []);
        PdfXrefReader.Read(table); // throws when it would fall back to scanning
        table.Dictionary(table.Trailer.Get("Root"))!.NameOf("Type").Should().Be("Catalog");
        // Without its cross-reference stream the file is rebuilt by scanning, object stream included.
        var withoutXref = pdf[..Encoding.Latin1.GetString(pdf).LastIndexOf("startxref", StringComparison.Ordinal)];
        TextOf(withoutXref).Should().Be("Packed objects\n\nSecond page");
    }

    [Fact]
    public void A_file_with_a_broken_xref_is_read_by_scanning_for_objects()
    {
        var pdf = PdfTestBuilder.SinglePage("BT /F1 12 Tf 72 720 Td (Still readable) Tj ET");
        // Junk before the header shifts every offset the xref table records; the trailer still names the catalog.
        var shifted = Encoding.Latin1.GetBytes("garbage before the header\n").Concat(pdf).ToArray();
        var noXref = pdf[..Array.LastIndexOf(pdf, (byte)'x')].Concat("\n"u8.ToArray()).ToArray();

        TextOf(shifted).Should().Be("Still readable");
        TextOf(noXref).Should().Be("Still readable");
    }

    [Fact]
    public void Garbled_content_keeps_the_text_before_the_damage_with_a_note()
    {
        var pdf = PdfTestBuilder.SinglePage("BT /F1 12 Tf 72 720 Td (Kept) Tj ET " + new string('[', 5000));

        var text = PdfTextExtractor.Extract(pdf);

        text.Text.Should().Be("Kept");
        text.Notes.Should().ContainSingle().Which.Should().Contain("Page 1 was read only in part");
    }

    [Fact]
    public void Hand_built_files_cut_short_or_garbled_only_ever_refuse_cleanly()
    {
        var pdf = PdfTestBuilder.Pages(["BT /F1 12 Tf 72 720 Td (One) Tj ET", "BT /F1 12 Tf 72 720 Td [(Two) -300 (words)] TJ ET"], flate: true);
        var random = new Random(7);
        for (var i = 0; i < 200; i++)
        {
            var copy = i < 100 ? pdf[..(pdf.Length * i / 100)] : (byte[])pdf.Clone();
            for (var flips = 0; i >= 100 && flips < 8; flips++)
            {
                copy[random.Next(copy.Length)] = (byte)random.Next(256);
            }

            try
            {
                PdfTextExtractor.Extract(copy);
            }
            catch (PdfReadException ex)
            {
                ex.Message.Should().NotBeNullOrWhiteSpace();
            }
        }
    }

    private static string Ascii85(byte[] data)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < data.Length; i += 4)
        {
            var count = Math.Min(4, data.Length - i);
            uint value = 0;
            for (var j = 0; j < 4; j++)
            {
                value = value << 8 | (j < count ? data[i + j] : (byte)0);
            }

            var chars = new char[5];
            for (var j = 4; j >= 0; j--)
            {
                chars[j] = (char)('!' + value % 85);
                value /= 85;
            }

            builder.Append(chars, 0, count + 1);
        }

        return builder.ToString();
    }
}
