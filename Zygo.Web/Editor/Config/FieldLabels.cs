using System.Text;

namespace Zygo.Web.Editor.Config;

/// <summary>Turns JSON names (<c>maxTokens</c>, <c>start_tls</c>) into labels people read ("Max tokens", "Start TLS").</summary>
public static class FieldLabels
{
    private static readonly Dictionary<string, string> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["api"] = "API", ["url"] = "URL", ["smtp"] = "SMTP", ["sql"] = "SQL", ["id"] = "ID", ["json"] = "JSON",
        ["xml"] = "XML", ["html"] = "HTML", ["http"] = "HTTP", ["tls"] = "TLS", ["ssl"] = "SSL", ["llm"] = "LLM",
        ["ttl"] = "TTL", ["cc"] = "Cc", ["bcc"] = "Bcc", ["openai"] = "OpenAI", ["apikey"] = "API key", ["ms"] = "ms",
        ["p95"] = "p95", ["ner"] = "NER", ["and"] = "AND", ["or"] = "OR", ["get"] = "GET", ["post"] = "POST",
        ["put"] = "PUT", ["patch"] = "PATCH", ["delete"] = "DELETE", ["ipv4"] = "IPv4", ["iban"] = "IBAN", ["jwt"] = "JWT",
    };

    /// <summary>A label from a camelCase or snake_case name: first word capitalised, known abbreviations in capitals.</summary>
    public static string Humanize(string name)
    {
        var words = SplitWords(name).Select(w => Words.TryGetValue(w, out var known) ? known : w.ToLowerInvariant()).ToList();
        if (words.Count == 0)
        {
            return name;
        }

        words[0] = char.ToUpperInvariant(words[0][0]) + words[0][1..];
        return string.Join(' ', words);
    }

    private static IEnumerable<string> SplitWords(string name)
    {
        var word = new StringBuilder();
        foreach (var c in name)
        {
            if (c is '_' or '-' or ' ' || (char.IsUpper(c) && word.Length > 0 && !char.IsUpper(word[^1])))
            {
                if (word.Length > 0)
                {
                    yield return word.ToString();
                }

                word.Clear();
                if (c is '_' or '-' or ' ')
                {
                    continue;
                }
            }

            word.Append(c);
        }

        if (word.Length > 0)
        {
            yield return word.ToString();
        }
    }
}
