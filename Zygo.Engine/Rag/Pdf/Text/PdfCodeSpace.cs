namespace Zygo.Engine.Rag.Pdf.Text;

/// <summary>How a font's string bytes split into character codes of 1 to 4 bytes (a CMap's <c>codespacerange</c>).</summary>
internal sealed class PdfCodeSpace(int fallbackLength)
{
    private readonly List<(int Length, uint Low, uint High)> ranges = [];

    public static readonly PdfCodeSpace OneByte = new(1);

    public static readonly PdfCodeSpace TwoByte = new(2);

    public bool IsEmpty => ranges.Count == 0;

    public void Add(byte[] low, byte[] high)
    {
        if (low.Length is >= 1 and <= 4 && low.Length == high.Length)
        {
            ranges.Add((low.Length, Code(low, 0, low.Length), Code(high, 0, high.Length)));
        }
    }

    /// <summary>The next code at <paramref name="position"/>: the shortest byte length that falls in a range.</summary>
    public (uint Code, int Length) Next(byte[] bytes, int position)
    {
        for (var length = 1; length <= 4 && position + length <= bytes.Length; length++)
        {
            var code = Code(bytes, position, length);
            if (ranges.Any(r => r.Length == length && code >= r.Low && code <= r.High))
            {
                return (code, length);
            }
        }

        var fallback = Math.Min(ranges.Count > 0 ? ranges.Min(r => r.Length) : fallbackLength, bytes.Length - position);
        return (Code(bytes, position, fallback), fallback);
    }

    public static uint Code(byte[] bytes, int position, int length)
    {
        uint code = 0;
        for (var i = 0; i < length; i++)
        {
            code = code << 8 | bytes[position + i];
        }

        return code;
    }
}
