using System.Text.RegularExpressions;

namespace Zygo.Engine.Rag.Chunking;

/// <summary>
/// Cuts a document into passages of at most <c>size</c> characters that end on natural boundaries: whole paragraphs
/// when they fit, else whole sentences, else words (a single overlong word is cut hard). Each chunk after the first in
/// a section starts with up to <c>overlap</c> characters from the end of the previous one, taken at a sentence or word
/// start, so a fact split between two chunks is whole in one. Markdown is first split at its headings.
/// </summary>
public static partial class TextChunker
{
    public const int MinSize = 100;
    public const int MaxSize = 8000;

    [GeneratedRegex(@"\n[ \t]*\n\s*")]
    private static partial Regex ParagraphBreak();

    [GeneratedRegex(@"(?<=[.!?…])\s+(?=\S)")]
    private static partial Regex SentenceBreak();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();

    public static IReadOnlyList<TextChunk> Chunk(string text, bool markdown, int size, int overlap)
    {
        if (SettingsProblem(size, overlap) is { } problem)
        {
            throw new ArgumentException(problem.Message, problem.Field);
        }

        var normalized = text.Replace("\r\n", "\n");
        var sections = markdown ? MarkdownSections.Of(normalized) : [("", normalized.Trim())];
        return sections.SelectMany(s => ChunkSection(s.Body, size, overlap).Select(c => new TextChunk(c, s.Heading))).ToList();
    }

    /// <summary>What is wrong with a chunk size and overlap, naming the field; null when they are usable.</summary>
    public static (string Field, string Message)? SettingsProblem(int size, int overlap) =>
        size is < MinSize or > MaxSize ? ("chunkSize", $"The chunk size must be between {MinSize} and {MaxSize} characters, not {size}.")
        : overlap < 0 || overlap > size / 2 ? ("chunkOverlap", $"The overlap must be between 0 and half the chunk size ({size / 2}), not {overlap}.")
        : null;

    private static IEnumerable<string> ChunkSection(string body, int size, int overlap)
    {
        // Room for the overlap carried into each chunk after the first, so chunks stay within size.
        var room = size - overlap;
        var pieces = ParagraphBreak().Split(body)
            .Select(p => Space().Replace(p, " ").Trim())
            .Where(p => p.Length > 0)
            .SelectMany(p => Pieces(p, room));

        var current = "";
        string? previous = null;
        foreach (var piece in pieces)
        {
            var joined = current.Length == 0 ? piece : current + "\n\n" + piece;
            if (joined.Length <= room || current.Length == 0)
            {
                current = joined;
                continue;
            }

            yield return previous = WithOverlap(previous, current, overlap);
            current = piece;
        }

        if (current.Length > 0)
        {
            yield return WithOverlap(previous, current, overlap);
        }
    }

    /// <summary>A paragraph as one piece when it fits, else its sentences, else its words grouped to fit.</summary>
    private static IEnumerable<string> Pieces(string paragraph, int room)
    {
        if (paragraph.Length <= room)
        {
            return [paragraph];
        }

        // Consecutive sentences are grouped while they fit, so a long paragraph is not one piece per sentence.
        return Group(SentenceBreak().Split(paragraph).SelectMany(s => s.Length <= room ? [s] : Words(s, room)), room, " ");
    }

    private static IEnumerable<string> Words(string sentence, int room) =>
        Group(sentence.Split(' ').SelectMany(w => w.Length <= room ? [w] : w.Chunk(room).Select(c => new string(c))), room, " ");

    private static IEnumerable<string> Group(IEnumerable<string> parts, int room, string separator)
    {
        var current = "";
        foreach (var part in parts)
        {
            if (current.Length > 0 && current.Length + separator.Length + part.Length > room)
            {
                yield return current;
                current = "";
            }

            current = current.Length == 0 ? part : current + separator + part;
        }

        if (current.Length > 0)
        {
            yield return current;
        }
    }

    /// <summary>The chunk preceded by the end of the previous one: its last sentences, or failing that its last words, that fit.</summary>
    private static string WithOverlap(string? previous, string chunk, int overlap)
    {
        if (previous is null || overlap == 0)
        {
            return chunk;
        }

        var tail = Tail(previous, overlap);
        return tail.Length == 0 ? chunk : tail + " " + chunk;
    }

    private static string Tail(string text, int overlap)
    {
        if (text.Length <= overlap)
        {
            return text;
        }

        var start = text.Length - overlap;
        var sentence = SentenceBreak().Matches(text).Select(m => m.Index + m.Length).FirstOrDefault(i => i >= start);
        if (sentence > 0)
        {
            return text[sentence..].Trim();
        }

        var word = text.IndexOf(' ', start);
        return word < 0 ? "" : text[(word + 1)..].Trim();
    }
}
