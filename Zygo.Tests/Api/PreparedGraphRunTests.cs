using System.Net;
using System.Text.Json.Nodes;
using Zygo.Data.Entities;
using Zygo.Tests.Infrastructure;
using static Zygo.Tests.Api.ApiTestHelpers;

namespace Zygo.Tests.Api;

/// <summary>
/// Runs reuse the graph parsed and validated for an earlier run of the same workflow: an edit and a deleted
/// variable must still take effect on the next run.
/// </summary>
public sealed class PreparedGraphRunTests(PreparedGraphRunTests.Fixture fixture) : IClassFixture<PreparedGraphRunTests.Fixture>
{
    private readonly HttpClient _owner = fixture.Owner;

    public sealed class Fixture() : AppFixture(useKestrel: true)
    {
        public HttpClient Owner { get; private set; } = null!;

        public override async Task InitializeAsync() =>
            Owner = Keep(await App.KestrelClientForRoleAsync(await App.CreateTenantAsync("Prepared"), TenantRole.Owner));
    }

    [Fact]
    public async Task A_run_after_an_edit_runs_the_edited_graph()
    {
        var id = await CreateAsync(Code("return { answer: 1 };"));
        (await ExecuteAsync(id)).GetProperty("output").GetProperty("answer").GetInt32().Should().Be(1);

        var patched = await _owner.PatchAsync($"{Workflows}/{id}", RawJson(new JsonObject
        {
            ["nodes"] = Nodes(Code("return { answer: 2 };")),
            ["edges"] = Edges(),
        }.ToJsonString()));
        patched.StatusCode.Should().Be(HttpStatusCode.OK);

        (await ExecuteAsync(id)).GetProperty("output").GetProperty("answer").GetInt32().Should().Be(2);
    }

    [Fact]
    public async Task A_run_after_its_variable_was_deleted_is_refused_naming_the_node()
    {
        var name = "PREPARED_" + UniqueSuffix().ToUpperInvariant();
        var variable = await _owner.CreateVariableAsync(name, "2000-01-01T00:00:00Z");
        // A delay until a time in the past: it completes at once, and only when the variable resolved.
        var id = await CreateAsync(new JsonObject { ["type"] = "delay", ["config"] = new JsonObject { ["until"] = $"{{{{env.{name}}}}}" } });
        (await ExecuteAsync(id)).GetProperty("output").GetProperty("waitedMs").GetInt64().Should().BeLessThan(1000);

        (await _owner.DeleteAsync($"{Variables}/{variable.Id()}")).IsSuccessStatusCode.Should().BeTrue();

        var refused = await _owner.PostAsync($"{Workflows}/{id}/execute", RawJson("""{"mode":"sync"}"""));
        var problem = await refused.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        problem.Detail.Should().Contain("Answer").And.Contain(name);
    }

    private async Task<string> CreateAsync(JsonObject answer)
    {
        var response = await _owner.PostAsync(Workflows, RawJson(new JsonObject
        {
            ["name"] = "Prepared " + UniqueSuffix(),
            ["nodes"] = Nodes(answer),
            ["edges"] = Edges(),
        }.ToJsonString()));
        return (await response.ShouldBeJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
    }

    private async Task<System.Text.Json.JsonElement> ExecuteAsync(string id)
    {
        var run = await (await _owner.PostAsync($"{Workflows}/{id}/execute", RawJson("""{"mode":"sync"}""")))
            .ShouldBeJsonAsync(HttpStatusCode.OK);
        run.GetProperty("status").GetString().Should().Be("completed", run.ToString());
        return run;
    }

    private static JsonObject Code(string code) => new()
    {
        ["type"] = "code", ["config"] = new JsonObject { ["language"] = "javascript", ["code"] = code, ["timeout"] = 5 },
    };

    /// <summary>A trigger and the node called Answer, whose type and config <paramref name="answer"/> gives.</summary>
    private static JsonArray Nodes(JsonObject answer)
    {
        answer["id"] = "answer";
        answer["label"] = "Answer";
        return
        [
            new JsonObject { ["id"] = "trigger", ["type"] = "trigger", ["label"] = "trigger", ["config"] = new JsonObject { ["triggerMode"] = "manual" } },
            answer,
        ];
    }

    private static JsonArray Edges() =>
        [new JsonObject { ["id"] = "trigger-answer", ["source"] = "trigger", ["target"] = "answer" }];
}
