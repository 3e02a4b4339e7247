using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Zygo.Data.Entities;
using Zygo.Tests.Engine.Llm;
using Zygo.Tests.Engine.Memory;

namespace Zygo.Tests.Engine.Knowledge;

/// <summary>memory_store with <c>autoExtractEntities</c>: regex and LLM extraction into the knowledge graph, on a real SQLite file.</summary>
public sealed class MemoryEntityExtractionTests : MemoryFixture
{
    private const string Note = "Ada Lovelace from Acme Widgets Ltd wrote to ada@example.com about ORD-10442 on 2026-03-14.";
    private readonly ScriptedModelServer _model = new();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await _model.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await _model.DisposeAsync();
        await base.DisposeAsync();
    }

    private static JsonObject Extracting(string method, JsonObject? extra = null)
    {
        var config = new JsonObject { ["autoExtractEntities"] = true, ["extractionMethod"] = method };
        foreach (var (name, value) in extra ?? [])
        {
            config[name] = value?.DeepClone();
        }

        return config;
    }

    private JsonObject Model() => new() { ["provider"] = "openai_compatible", ["endpoint"] = _model.OpenAiEndpoint, ["model"] = "extractor" };

    private static List<(string Type, string Name)> Listed(JsonObject output) =>
        output["extraction"]!["entities"]!.AsArray().Select(e => (e!["type"]!.GetValue<string>(), e["name"]!.GetValue<string>())).ToList();

    private async Task<(List<KnowledgeEntity> Entities, List<KnowledgeRelation> Relations)> GraphAsync()
    {
        await using var db = Db.CreateContext();
        return (await db.KnowledgeEntities.IgnoreQueryFilters().ToListAsync(), await db.KnowledgeRelations.IgnoreQueryFilters().ToListAsync());
    }

    [Fact]
    public async Task Regex_extraction_stores_the_entities_linked_to_the_memory_and_to_each_other()
    {
        var output = await RememberAsync("note:1", Note, Extracting("regex"));

        Listed(output).Should().BeEquivalentTo(new[]
        {
            ("email", "ada@example.com"), ("order", "ORD-10442"), ("date", "2026-03-14"),
            ("organization", "Acme Widgets Ltd"), ("person", "Ada Lovelace"),
        });
        output["extraction"]!["method"]!.GetValue<string>().Should().Be("regex");
        var (entities, relations) = await GraphAsync();
        var memory = entities.Single(e => e.Type == "memory");
        memory.Name.Should().Be("note:1");
        memory.SourceMemoryId.Should().Be(output["id"]!.GetValue<Guid>());
        entities.Should().OnlyContain(e => e.TenantId == TenantA.TenantId && e.SourceMemoryId == memory.SourceMemoryId);
        relations.Count(r => r.Type == "mentions" && r.FromEntityId == memory.Id).Should().Be(5);
        relations.Count(r => r.Type == "mentioned_with").Should().Be(10, "five entities make ten pairs");
        relations.Should().OnlyContain(r => r.SourceExecutionId == TenantA.ExecutionId);
    }

    [Fact]
    public async Task A_second_memory_mentioning_the_same_entity_reuses_it()
    {
        await RememberAsync("note:1", "Ada Lovelace joined.", Extracting("regex"));
        var second = await RememberAsync("note:2", "Ada Lovelace left.", Extracting("regex"));

        second["extraction"]!["entities"]![0]!["created"]!.GetValue<bool>().Should().BeFalse();
        var (entities, relations) = await GraphAsync();
        entities.Count(e => e.Type == "person").Should().Be(1);
        relations.Count(r => r.Type == "mentions").Should().Be(2);
    }

    [Fact]
    public async Task A_redacted_secret_is_never_extracted()
    {
        var output = await RememberAsync("creds:1", """{"owner":"Grace Hopper","password":"Linus Torvalds"}""",
            Extracting("regex", new JsonObject { ["autoRedactSecrets"] = true }));

        Listed(output).Should().Equal(("person", "Grace Hopper"));
        (await GraphAsync()).Entities.Should().NotContain(e => e.Name.Contains("Linus"));
    }

    [Fact]
    public async Task A_secret_memory_is_not_mined_for_entities()
    {
        var output = await RememberAsync("secret:1", Note, Extracting("regex", new JsonObject { ["sensitivity"] = "secret" }));

        output["extraction"]!["method"]!.GetValue<string>().Should().Be("none");
        output["extraction"]!["note"]!.GetValue<string>().Should().Be("The memory is secret: its entities were not extracted.");
        (await GraphAsync()).Entities.Should().BeEmpty();
    }

    [Fact]
    public async Task Without_auto_extract_nothing_enters_the_graph()
    {
        var output = await RememberAsync("note:1", Note);

        output.ContainsKey("extraction").Should().BeFalse();
        (await GraphAsync()).Entities.Should().BeEmpty();
    }

    [Fact]
    public async Task Llm_extraction_stores_what_the_model_found_by_structured_output_with_its_relations()
    {
        _model.Enqueue(new ScriptedReply.Text("""
            {"entities":[{"type":"Person","name":"Ada Lovelace"},{"type":"organization","name":"Acme Widgets"},{"type":"city","name":"London"},
                         {"type":"secret","name":"[REDACTED:api_key]"}],
             "relations":[{"from":"Ada Lovelace","to":"Acme Widgets","type":"works for"},{"from":"Ada Lovelace","to":"Nobody","type":"knows"}]}
            """));

        var output = await RememberAsync("note:1", "Ada Lovelace works for Acme Widgets in London.", Extracting("llm", new JsonObject { ["extractionModel"] = Model() }));

        output["extraction"]!["method"]!.GetValue<string>().Should().Be("llm");
        output["extraction"]!.AsObject().ContainsKey("note").Should().BeFalse();
        Listed(output).Should().Equal(("person", "Ada Lovelace"), ("organization", "Acme Widgets"), ("city", "London"));
        var request = _model.Requests.Single();
        request.Body["response_format"]!["type"]!.GetValue<string>().Should().Be("json_schema");
        request.Messages.Last()!["content"]!.ToString().Should().Contain("Ada Lovelace works for Acme Widgets");
        var (entities, relations) = await GraphAsync();
        var stated = relations.Single(r => r.Type == "works_for");
        entities.Single(e => e.Id == stated.FromEntityId).Name.Should().Be("Ada Lovelace");
        entities.Single(e => e.Id == stated.ToEntityId).Name.Should().Be("Acme Widgets");
        relations.Should().NotContain(r => r.Type == "knows", "a relation to an entity the model did not list is dropped");
    }

    [Fact]
    public async Task Invalid_json_from_the_model_falls_back_to_regex_and_records_why()
    {
        _model.Enqueue(new ScriptedReply.Text("Sure! Ada Lovelace is a person."));

        var output = await RememberAsync("note:1", Note, Extracting("llm", new JsonObject { ["extractionModel"] = Model() }));

        output["extraction"]!["requested"]!.GetValue<string>().Should().Be("llm");
        output["extraction"]!["method"]!.GetValue<string>().Should().Be("regex");
        output["extraction"]!["note"]!.GetValue<string>().Should().StartWith("The model's answer was not valid JSON").And.EndWith("used regex extraction instead.");
        Listed(output).Should().Contain(("person", "Ada Lovelace"));
        Db.Harness.Logs.Should().Contain(l => l.StartsWith("The model's answer was not valid JSON"));
    }

    [Fact]
    public async Task A_model_error_falls_back_to_regex_and_records_it()
    {
        _model.Enqueue(new ScriptedReply.Error(400));

        var output = await RememberAsync("note:1", Note, Extracting("llm", new JsonObject { ["extractionModel"] = Model() }));

        output["extraction"]!["method"]!.GetValue<string>().Should().Be("regex");
        output["extraction"]!["note"]!.GetValue<string>().Should().StartWith("The model failed (");
    }

    [Theory]
    [InlineData("llm", "The offline model cannot extract entities: used regex extraction instead.")]
    [InlineData("ner", "'ner' extraction is not built: used regex extraction instead.")]
    public async Task Offline_and_unbuilt_methods_fall_back_to_regex_and_say_so(string method, string note)
    {
        var output = await RememberAsync("note:1", Note, Extracting(method));

        output["extraction"]!["method"]!.GetValue<string>().Should().Be("regex");
        output["extraction"]!["note"]!.GetValue<string>().Should().Be(note);
        Listed(output).Should().HaveCount(5);
        _model.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task Extracted_entities_stay_in_the_memorys_tenant()
    {
        await RememberAsync("note:1", Note, Extracting("regex"), TenantB);

        (await GraphAsync()).Entities.Should().OnlyContain(e => e.TenantId == TenantB.TenantId);
    }
}
