using System.Text;

namespace Zygo.Engine.Rag;

/// <summary>
/// The passages joined into one text an LLM or agent can use as is: each numbered, with its source and heading, so an
/// answer can cite "[2]".
/// </summary>
internal static class RetrievedContext
{
    public static string Of(IReadOnlyList<Passage> passages)
    {
        var text = new StringBuilder();
        for (var i = 0; i < passages.Count; i++)
        {
            var passage = passages[i];
            var heading = passage.Metadata["heading"]?.ToString();
            var source = string.IsNullOrEmpty(heading) ? passage.Source : $"{passage.Source} — {heading}";
            text.Append('[').Append(i + 1).Append("] ").Append(source.Length > 0 ? source : "unknown source").Append('\n')
                .Append(passage.Text.Trim()).Append("\n\n");
        }

        return text.ToString().TrimEnd();
    }
}
