using System.Text.Json.Nodes;

namespace Zygo.Engine.Rag.VectorStores;

/// <summary>
/// Splits a stored point's payload into the passage text and the rest (its metadata). Stores hold the text under a
/// field the indexing tool chose; these are the names the common tools (LangChain, LlamaIndex, our own) use.
/// </summary>
internal static class PayloadText
{
    private static readonly string[] TextFields = ["text", "content", "page_content", "chunk", "document", "body"];

    private static readonly string[] SourceFields = ["source", "title", "url", "file_name", "filename"];

    public static (string Text, string Source, JsonObject Metadata) Split(JsonObject? payload)
    {
        var metadata = (JsonObject?)payload?.DeepClone() ?? [];
        var field = TextFields.FirstOrDefault(f => metadata[f] is JsonValue);
        var text = field is null ? "" : metadata[field]!.ToString();
        if (field is not null)
        {
            metadata.Remove(field);
        }

        var source = SourceFields.Select(f => metadata[f]).OfType<JsonValue>().Select(v => v.ToString()).FirstOrDefault() ?? "";
        return (text, source, metadata);
    }
}
