using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using Zygo.Engine.Execution;
using Zygo.Engine.Llm;

namespace Zygo.Engine.Knowledge.Extraction;

/// <summary>
/// Asks a model for the entities in a text and the relations between them, as JSON by structured output. Whenever the
/// model cannot give a usable answer (offline model, provider failure, invalid JSON) it extracts by regex instead and
/// says why in the note.
/// </summary>
public static class LlmEntityExtractor
{
    private const string Instructions =
        "Extract the named entities from the user's text: people, organizations, places, products, emails, URLs, dates, money " +
        "amounts, and order, ticket or invoice ids. Use short lower-case types such as person, organization, place, product, " +
        "email, url, date, money, order, ticket. Also list relations between them stated in the text, with short snake_case " +
        "types such as works_for or located_in. Never output anything shown as [REDACTED:...]. " +
        "Reply with JSON only: {\"entities\":[{\"type\":\"…\",\"name\":\"…\"}],\"relations\":[{\"from\":\"…\",\"to\":\"…\",\"type\":\"…\"}]}.";

    private static readonly JsonElement AnswerSchema = JsonDocument.Parse("""
        {
          "type": "object",
          "properties": {
            "entities": { "type": "array", "items": { "type": "object",
              "properties": { "type": { "type": "string" }, "name": { "type": "string" } }, "required": ["type", "name"] } },
            "relations": { "type": "array", "items": { "type": "object",
              "properties": { "from": { "type": "string" }, "to": { "type": "string" }, "type": { "type": "string" } },
              "required": ["from", "to", "type"] } }
          },
          "required": ["entities", "relations"]
        }
        """).RootElement.Clone();

    public static async Task<EntityExtraction> ExtractAsync(ChatModel model, string text, CancellationToken ct)
    {
        if (model.IsOffline)
        {
            return RegexEntityExtractor.Extract(text, "The offline model cannot extract entities: used regex extraction instead.");
        }

        string answer;
        try
        {
            var options = new ChatOptions { ModelId = model.Model, Temperature = 0, ResponseFormat = ChatResponseFormat.ForJsonSchema(AnswerSchema, "entities") };
            var response = await model.Client.GetResponseAsync(
                [new ChatMessage(ChatRole.System, Instructions), new ChatMessage(ChatRole.User, text)], options, ct);
            answer = response.Text;
        }
        catch (NodeFailedException ex)
        {
            return RegexEntityExtractor.Extract(text, $"The model failed ({ex.Message}): used regex extraction instead.");
        }

        var (json, error) = JsonAnswer.Parse(answer);
        return Read(json) is { } extraction
            ? extraction
            : RegexEntityExtractor.Extract(text, $"The model's answer was {error ?? "not the entities JSON asked for"}: used regex extraction instead.");
    }

    /// <summary>The entities and relations of a well-formed answer; null when its shape is wrong.</summary>
    private static EntityExtraction? Read(JsonNode? json)
    {
        if (json is not JsonObject { } root || root["entities"] is not JsonArray entities)
        {
            return null;
        }

        var found = new List<ExtractedEntity>();
        foreach (var item in entities)
        {
            var type = EntityNames.Kind(Text(item, "type"));
            var name = Text(item, "name").Trim();
            if (type.Length is 0 or > EntityNames.MaxTypeLength || name.Length is 0 or > EntityNames.MaxNameLength
                || name.Contains("[REDACTED", StringComparison.Ordinal))
            {
                continue;
            }

            found.Add(new ExtractedEntity(type, name));
        }

        var relations = (root["relations"] as JsonArray ?? [])
            .Select(r => new ExtractedRelation(Text(r, "from").Trim(), Text(r, "to").Trim(), EntityNames.Kind(Text(r, "type"))))
            .Where(r => r.From.Length > 0 && r.To.Length > 0 && r.Type.Length is > 0 and <= EntityNames.MaxTypeLength)
            .ToList();
        var kept = found.DistinctBy(e => (e.Type, EntityNames.Normalize(e.Name))).Take(EntityExtraction.MaxEntities).ToList();
        return new EntityExtraction(kept, relations, "llm");
    }

    private static string Text(JsonNode? item, string name) =>
        item is JsonObject obj && obj[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : "";
}
