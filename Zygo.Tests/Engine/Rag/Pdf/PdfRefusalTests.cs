using Zygo.Engine.Rag.Pdf;

namespace Zygo.Tests.Engine.Rag.Pdf;

/// <summary>Refused and hostile files: each refusal has a message that tells the uploader what to do, and nothing crashes the reader.</summary>
public sealed class PdfRefusalTests
{
    private static void ShouldRefuse(byte[] data, string message) =>
        FluentActions.Invoking(() => PdfTextExtractor.Extract(data)).Should().Throw<PdfReadException>().WithMessage(message);

    [Fact]
    public void Not_a_pdf() => ShouldRefuse("Just some text, no header."u8.ToArray(), "*not a PDF*%PDF-*");

    [Fact]
    public void Empty_file() => ShouldRefuse([], "*not a PDF*");

    [Fact]
    public void Header_only() => ShouldRefuse("%PDF-1.7"u8.ToArray(), "*could not be read*");

    [Fact]
    public void Encrypted_trailer() =>
        ShouldRefuse(PdfTestBuilder.SinglePage("BT /F1 12 Tf (x) Tj ET", trailerExtra: "/Encrypt << /Filter /Standard /V 2 >>"),
            "*password-protected PDFs cannot be read*");

    [Fact]
    public void Pages_without_a_text_layer() =>
        ShouldRefuse(PdfTestBuilder.SinglePage("q 612 0 0 792 0 0 cm 0.5 g 0 0 1 1 re f Q"), "*no text layer (a scanned image?)*OCR*");

    [Fact]
    public void Garbage_bytes_after_a_header()
    {
        var random = new Random(3);
        var garbage = new byte[20_000];
        random.NextBytes(garbage);

        ShouldRefuse([.. "%PDF-1.5\n"u8, .. garbage], "*could not be read*");
    }

    [Fact]
    public void A_stream_that_inflates_past_the_limit_is_a_zip_bomb()
    {
        var bomb = PdfTestBuilder.Deflate(new byte[PdfLimits.MaxDecodedBytes + 1024 * 1024]);
        var builder = new PdfTestBuilder();
        var catalog = builder.Add("<< /Type /Catalog /Pages 2 0 R >>");
        builder.Add("<< /Type /Pages /Count 1 /Kids [3 0 R] >>");
        builder.Add("<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>");
        builder.AddStream(bomb, "/Filter /FlateDecode");

        bomb.Length.Should().BeLessThan(1024 * 1024);
        ShouldRefuse(builder.Build(catalog), "*more than 50 MB when decompressed*");
    }

    [Fact]
    public void A_long_chain_of_objects_naming_each_other_does_not_exhaust_the_stack()
    {
        var builder = new PdfTestBuilder();
        var catalog = builder.Add("<< /Type /Catalog /Pages 2 0 R >>");
        builder.Add("<< /Type /Pages /Count 1 /Kids [3 0 R] >>");
        builder.Add("<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>");
        const int chain = 50_000;
        for (var i = 4; i < 4 + chain; i++)
        {
            // Each stream's /Length is the next stream: resolving the first would recurse through all of them.
            builder.Add($"<< /Length {i + 1} 0 R >>\nstream\nBT (x) Tj ET\nendstream");
        }

        // Past the nesting limit a /Length is unknown and the data runs to "endstream", so the page still reads.
        PdfTextExtractor.Extract(builder.Build(catalog)).Text.Should().Be("x");
    }

    [Fact]
    public void An_unsupported_filter_skips_that_stream_with_a_note()
    {
        // The second page's content claims an image codec: it is skipped, the first page still counts.
        var pdf = PdfTestBuilder.WithUndecodableSecondPage("BT /F1 12 Tf 72 720 Td (Readable page) Tj ET", "JBIG2Decode");

        var result = PdfTextExtractor.Extract(pdf);

        result.Pages.Should().Equal("Readable page", "");
        result.Notes.Should().ContainSingle().Which.Should().Contain("JBIG2Decode");
    }
}
