using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Zygo.Engine.Execution;
using Zygo.Engine.Llm;
using Zygo.Engine.Nodes.Ai;

namespace Zygo.Tests.Engine.Llm;

/// <summary>The LLM node against the scripted server through the real OpenAI client, and offline.</summary>
public sealed class LlmNodeTests : IAsyncLifetime
{
    private const string PersonSchema =
        """{"type":"object","required":["name","age"],"properties":{"name":{"type":"string"},"age":{"type":"integer","minimum":0}}}""";

    private readonly ScriptedModelServer _model = new();
    private readonly NodeHarness _harness = new(s => s.AddSingleton(new LlmOptions { FirstBackoff = TimeSpan.FromMilliseconds(20) }));

    public Task InitializeAsync() => _model.InitializeAsync();

    public async Task DisposeAsync()
    {
        _harness.Dispose();
        await _model.DisposeAsync();
    }

    private JsonObject Config(string template, string format = "text", string? schema = null)
    {
        var config = new JsonObject
        {
            ["provider"] = "openai_compatible",
            ["endpoint"] = _model.OpenAiEndpoint,
            ["model"] = "local-model",
            ["systemPrompt"] = "You write briefly.",
            ["userPromptTemplate"] = template,
            ["temperature"] = 0.3,
            ["maxTokens"] = 123,
            ["topP"] = 0.9,
            ["frequencyPenalty"] = 0.5,
            ["presencePenalty"] = -0.5,
            ["outputFormat"] = format,
        };
        if (schema is not null)
        {
            config["jsonSchema"] = schema;
        }

        return config;
    }

    [Fact]
    public async Task Renders_the_prompt_template_and_sends_every_generation_parameter()
    {
        _model.Enqueue(new ScriptedReply.Text("Solar power, briefly.", 30, 4));
        var input = new JsonObject { ["topic"] = "solar power", ["audience"] = "children" };

        var outcome = await _harness.RunAsync<LlmNodeType>(Config("Explain {{input.topic}} to {{input.audience}}."), input);

        var request = _model.Requests.Single();
        request.Messages.Select(m => m!["content"]!.ToString()).Should().Equal("You write briefly.", "Explain solar power to children.");
        request.Body["temperature"]!.GetValue<double>().Should().BeApproximately(0.3, 1e-6);
        request.Body["top_p"]!.GetValue<double>().Should().BeApproximately(0.9, 1e-6);
        request.Body["frequency_penalty"]!.GetValue<double>().Should().BeApproximately(0.5, 1e-6);
        request.Body["presence_penalty"]!.GetValue<double>().Should().BeApproximately(-0.5, 1e-6);
        (request.Body["max_completion_tokens"] ?? request.Body["max_tokens"])!.GetValue<int>().Should().Be(123);
        request.Authorization.Should().Be("Bearer no-key", "a local OpenAI-compatible server needs no key");
        var output = outcome.Output!.AsObject();
        output["text"]!.GetValue<string>().Should().Be("Solar power, briefly.");
        output["offline"]!.GetValue<bool>().Should().BeFalse();
        output["usage"]!["inputTokens"]!.GetValue<long>().Should().Be(30);
    }

    [Fact]
    public async Task Json_output_is_parsed_and_validated_against_the_schema()
    {
        _model.Enqueue(new ScriptedReply.Text("```json\n{\"name\":\"Ada\",\"age\":36}\n```"));

        var outcome = await _harness.RunAsync<LlmNodeType>(Config("Who is {{input.who}}?", "json", PersonSchema), new JsonObject { ["who"] = "Ada" });

        var output = outcome.Output!.AsObject();
        JsonNode.DeepEquals(output["json"], JsonNode.Parse("""{"name":"Ada","age":36}""")).Should().BeTrue();
        output["repaired"]!.GetValue<bool>().Should().BeFalse();
        var format = _model.Requests.Single().Body["response_format"]!;
        format["type"]!.GetValue<string>().Should().Be("json_schema");
    }

    [Fact]
    public async Task An_answer_that_misses_the_schema_gets_one_repair_request_saying_what_is_wrong()
    {
        _model.Enqueue(new ScriptedReply.Text("""{"name":"Ada"}"""), new ScriptedReply.Text("""{"name":"Ada","age":36}"""));

        var outcome = await _harness.RunAsync<LlmNodeType>(Config("Who?", "json", PersonSchema));

        _model.Requests.Should().HaveCount(2);
        var repair = _model.Requests[1].Messages.Last()!["content"]!.ToString();
        repair.Should().Contain("not valid against the JSON schema").And.Contain("age");
        var output = outcome.Output!.AsObject();
        output["repaired"]!.GetValue<bool>().Should().BeTrue();
        output["json"]!["age"]!.GetValue<int>().Should().Be(36);
    }

    [Fact]
    public async Task An_answer_still_wrong_after_the_repair_fails_the_node_clearly()
    {
        _model.Enqueue(new ScriptedReply.Text("not json at all"), new ScriptedReply.Text("""{"name": 5}"""), new ScriptedReply.Text("unused"));

        var act = () => _harness.RunAsync<LlmNodeType>(Config("Who?", "json", PersonSchema));

        (await act.Should().ThrowAsync<NodeFailedException>()).Which.Message.Should().Contain("still not valid against the JSON schema");
        _model.Requests.Should().HaveCount(2, "there is exactly one repair attempt");
        _model.Requests[1].Messages.Last()!["content"]!.ToString().Should().Contain("not valid JSON");
    }

    [Fact]
    public async Task A_schema_that_is_not_json_is_a_config_error_before_any_call()
    {
        var act = () => _harness.RunAsync<LlmNodeType>(Config("Who?", "json", "{not a schema"));

        (await act.Should().ThrowAsync<NodeFailedException>()).Which.Message.Should().Contain("'jsonSchema' is not valid JSON");
        _model.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task Offline_answers_are_labelled_and_offline_json_satisfies_the_schema()
    {
        var text = await _harness.RunAsync<LlmNodeType>(new JsonObject { ["userPromptTemplate"] = "Say hello" });
        text.Output!["text"]!.GetValue<string>().Should().StartWith(Zygo.Engine.Llm.Offline.OfflineChatClient.Label);
        text.Output!["offline"]!.GetValue<bool>().Should().BeTrue();

        var json = await _harness.RunAsync<LlmNodeType>(new JsonObject
        {
            ["userPromptTemplate"] = "Who?",
            ["outputFormat"] = "json",
            ["jsonSchema"] = PersonSchema,
        });
        json.Output!["json"]!["age"]!.GetValue<int>().Should().Be(0);
        json.Output!["json"]!["name"]!.GetValue<string>().Should().Be("Who?");
    }

    [Fact]
    public async Task Without_a_prompt_template_the_prompt_argument_is_used()
    {
        _model.Enqueue(new ScriptedReply.Text("ok"));

        await _harness.RunAsync<LlmNodeType>(Config(""), new JsonObject { ["prompt"] = "From the agent" });

        _model.Requests.Single().Messages.Last()!["content"]!.ToString().Should().Be("From the agent");
    }
}
