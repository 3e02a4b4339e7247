using Zygo.Engine.Rag.Pdf;
using Zygo.Tests.E2E;

namespace Zygo.Tests.Engine.Rag.Pdf;

/// <summary>The extractor on a PDF printed by real Chromium: the modern path (object streams, xref stream, Flate, ToUnicode).</summary>
[Collection(BrowserCollection.Name)]
public sealed class ChromiumPdfTests
{
    [Fact]
    public async Task Pages_come_out_in_order_with_accents_ligatures_and_word_spacing()
    {
        var pdf = await ChromiumPdf.SampleAsync();

        var text = PdfTextExtractor.Extract(pdf);

        text.Pages.Should().HaveCount(2);
        text.Pages[0].Split('\n').Should().ContainInOrder(
            "Router Handbook",
            "Café owners in Zürich love the office network.",
            "Straße nach Köln: find the reset button behind the flap.");
        text.Pages[1].Split('\n').Should().ContainInOrder("Troubleshooting", "Hold the reset button for ten seconds until the light blinks amber.");
        text.Text.Should().Be(text.Pages[0] + "\n\n" + text.Pages[1]);
        text.Notes.Should().BeEmpty();
    }

    [Fact]
    public async Task Truncated_or_garbled_copies_never_throw_anything_but_a_clean_refusal()
    {
        var pdf = await ChromiumPdf.SampleAsync();
        var random = new Random(4);
        var copies = Enumerable.Range(1, 24).Select(i => pdf[..(pdf.Length * i / 25)])
            .Concat(Enumerable.Range(0, 24).Select(_ => Garble(pdf, random)));

        foreach (var copy in copies)
        {
            // Reading either succeeds or refuses with a message; any other exception fails the test.
            try
            {
                PdfTextExtractor.Extract(copy).Pages.Should().NotBeEmpty();
            }
            catch (PdfReadException ex)
            {
                ex.Message.Should().NotBeNullOrWhiteSpace();
            }
        }
    }

    private static byte[] Garble(byte[] pdf, Random random)
    {
        var copy = (byte[])pdf.Clone();
        for (var i = 0; i < 40; i++)
        {
            copy[random.Next(copy.Length)] = (byte)random.Next(256);
        }

        return copy;
    }
}
