using Zygo.Engine.Rag.Chunking;

namespace Zygo.Tests.Engine.Rag;

public sealed class TextChunkerTests
{
    private static string Sentence(int i) => $"Sentence number {i} talks about topic {i} in some detail.";

    [Fact]
    public void Paragraphs_that_fit_together_make_one_chunk()
    {
        var chunks = TextChunker.Chunk("First paragraph.\n\nSecond paragraph.", markdown: false, size: 200, overlap: 20);

        chunks.Should().ContainSingle().Which.Text.Should().Be("First paragraph.\n\nSecond paragraph.");
    }

    [Fact]
    public void Chunks_stay_within_the_size_and_end_on_sentence_boundaries()
    {
        var text = string.Join(" ", Enumerable.Range(1, 40).Select(Sentence));

        var chunks = TextChunker.Chunk(text, markdown: false, size: 200, overlap: 0);

        chunks.Should().HaveCountGreaterThan(5);
        chunks.Should().OnlyContain(c => c.Text.Length <= 200);
        chunks.Should().OnlyContain(c => c.Text.StartsWith("Sentence number") && c.Text.EndsWith("detail."));
        string.Join(" ", chunks.Select(c => c.Text)).Should().Be(text, "without overlap nothing is lost or repeated");
    }

    [Fact]
    public void Each_chunk_after_the_first_repeats_the_end_of_the_previous_one()
    {
        var text = string.Join(" ", Enumerable.Range(1, 30).Select(Sentence));

        var chunks = TextChunker.Chunk(text, markdown: false, size: 300, overlap: 120);

        chunks.Should().OnlyContain(c => c.Text.Length <= 300);
        for (var i = 1; i < chunks.Count; i++)
        {
            var (previous, current) = (chunks[i - 1].Text, chunks[i].Text);
            var repeated = Enumerable.Range(1, Math.Min(previous.Length, current.Length)).Where(k => previous.EndsWith(current[..k], StringComparison.Ordinal)).Max();
            repeated.Should().BeInRange(50, 120, "chunk {0} starts with whole sentences from the end of the previous one, at most the overlap", i);
            current[..repeated].Should().StartWith("Sentence number");
        }
    }

    [Fact]
    public void A_word_longer_than_a_chunk_is_cut_hard_and_nothing_is_lost()
    {
        var word = new string('x', 450);

        var chunks = TextChunker.Chunk($"Start {word} end.", markdown: false, size: 200, overlap: 0);

        chunks.Should().OnlyContain(c => c.Text.Length <= 200);
        string.Concat(chunks.Select(c => c.Text.Replace(" ", ""))).Should().Be($"Start{word}end.");
    }

    [Fact]
    public void Markdown_headings_split_sections_and_become_the_chunks_heading_path()
    {
        const string markdown = """
            # Billing
            We bill monthly.

            ## Refunds
            Refunds take five days.

            ```
            # not a heading inside code
            ```

            # Shipping
            We ship worldwide.
            """;

        var chunks = TextChunker.Chunk(markdown, markdown: true, size: 500, overlap: 50);

        chunks.Select(c => c.Heading).Should().Equal("Billing", "Billing > Refunds", "Shipping");
        chunks[1].Text.Should().Contain("Refunds take five days.").And.Contain("# not a heading inside code");
        chunks[2].Text.Should().Be("We ship worldwide.", "a chunk never reaches into the next section, overlap included");
    }

    [Theory]
    [InlineData(50, 0, "chunkSize")]
    [InlineData(200, 150, "chunkOverlap")]
    [InlineData(200, -1, "chunkOverlap")]
    public void Unusable_settings_are_named(int size, int overlap, string field)
    {
        TextChunker.SettingsProblem(size, overlap)!.Value.Field.Should().Be(field);
        FluentActions.Invoking(() => TextChunker.Chunk("text", false, size, overlap)).Should().Throw<ArgumentException>();
    }
}
