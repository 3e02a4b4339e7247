using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Zygo.Data.Entities;
using Zygo.Tests.Api;
using Zygo.Tests.Engine.Llm;
using Zygo.Web.Chat;
using static Zygo.Tests.Api.ApiTestHelpers;

namespace Zygo.Tests.Chat;

/// <summary>POST …/chat over real HTTP (Kestrel) against the scripted model, and the sessions it keeps.</summary>
public sealed class ChatApiTests(ChatApiTests.Fixture fixture) : IClassFixture<ChatApiTests.Fixture>, IAsyncLifetime
{
    private readonly ScriptedModelServer _model = new();

    public sealed class Fixture() : AppFixture(useKestrel: true)
    {
        public Guid Tenant { get; private set; }
        public HttpClient Member { get; private set; } = null!;
        public HttpClient OtherMember { get; private set; } = null!;
        public HttpClient Admin { get; private set; } = null!;
        public HttpClient Viewer { get; private set; } = null!;
        public HttpClient Stranger { get; private set; } = null!;
        public HttpClient DemoMember { get; private set; } = null!;

        public override async Task InitializeAsync()
        {
            Tenant = await App.CreateTenantAsync("Chat " + UniqueSuffix());
            Member = Keep(await App.KestrelClientForRoleAsync(Tenant, TenantRole.Developer));
            OtherMember = Keep(await App.KestrelClientForRoleAsync(Tenant, TenantRole.Member));
            Admin = Keep(await App.KestrelClientForRoleAsync(Tenant, TenantRole.Admin));
            Viewer = Keep(await App.KestrelClientForRoleAsync(Tenant, TenantRole.Viewer));
            var other = await App.CreateTenantAsync("Other " + UniqueSuffix());
            Stranger = Keep(await App.KestrelClientForRoleAsync(other, TenantRole.Owner));
            DemoMember = Keep(await App.KestrelClientForRoleAsync(await App.DemoTenantIdAsync(), TenantRole.Member));
        }
    }

    public Task InitializeAsync() => _model.InitializeAsync();

    public Task DisposeAsync() => _model.DisposeAsync();

    [Fact]
    public async Task A_message_streams_the_session_tool_steps_tokens_in_order_and_done_and_both_messages_are_saved()
    {
        const string answer = "Two and three make five, as the tool says.";
        _model.Enqueue(
            new ScriptedReply.ToolCalls(new ToolCall("call_1", "add_numbers", """{"a":2,"b":3}""")),
            new ScriptedReply.Text(answer, 40, 12));
        var id = await fixture.Member.CreateChatWorkflowAsync(_model);

        var events = await fixture.Member.ChatAsync(id, "What is 2 + 3?");

        events[0].Name.Should().Be("session");
        events[^1].Name.Should().Be("done");
        var step = events.Single(e => e.Name == "step").Data;
        step.GetProperty("tool").GetString().Should().Be("add_numbers");
        step.GetProperty("arguments").GetProperty("a").GetInt32().Should().Be(2);
        step.GetProperty("observation").GetString().Should().Contain("5");
        var tokens = events.Where(e => e.Name == "token").Select(e => e.Data.GetProperty("text").GetString()!).ToList();
        tokens.Should().Equal(ScriptedModelServer.Pieces(answer));
        var names = events.Select(e => e.Name).ToList();
        names.IndexOf("step").Should().BeLessThan(names.IndexOf("token"), "the tool ran before the answer streamed");

        var done = events[^1].Data;
        done.GetProperty("answer").GetString().Should().Be(answer);
        done.GetProperty("offline").GetBoolean().Should().BeFalse();
        var executionId = done.GetProperty("executionId").GetGuid();
        var sessionId = done.GetProperty("sessionId").GetGuid();
        events[0].Data.GetProperty("sessionId").GetGuid().Should().Be(sessionId);

        var session = await (await fixture.Member.GetAsync($"{Workflows}/{id}/chat/sessions/{sessionId}")).ShouldBeJsonAsync(HttpStatusCode.OK);
        session.GetProperty("title").GetString().Should().Be("What is 2 + 3?");
        var messages = session.GetProperty("messages").EnumerateArray().ToList();
        messages.Select(m => m.GetProperty("role").GetString()).Should().Equal("user", "assistant");
        messages[0].GetProperty("content").GetString().Should().Be("What is 2 + 3?");
        var reply = messages[1];
        reply.GetProperty("content").GetString().Should().Be(answer);
        reply.GetProperty("executionId").GetGuid().Should().Be(executionId);
        reply.GetProperty("inputTokens").GetInt64().Should().Be(13 + 40);
        reply.GetProperty("outputTokens").GetInt64().Should().Be(5 + 12);
        reply.GetProperty("steps")[0].GetProperty("tool").GetString().Should().Be("add_numbers");

        var run = await (await fixture.Member.GetAsync($"{Workflows}/{id}/executions/{executionId}")).ShouldBeJsonAsync(HttpStatusCode.OK);
        run.GetProperty("status").GetString().Should().Be("completed");
        run.GetProperty("triggeredBy").GetString().Should().Be("api");
    }

    [Fact]
    public async Task The_second_turn_sends_the_first_to_the_model()
    {
        _model.Enqueue(new ScriptedReply.Text("Hello Ada!"), new ScriptedReply.Text("You are Ada."));
        var id = await fixture.Member.CreateChatWorkflowAsync(_model);

        var first = await fixture.Member.ChatAsync(id, "My name is Ada.");
        var second = await fixture.Member.ChatAsync(id, "Who am I?", first.SessionId());

        second.SessionId().Should().Be(first.SessionId());
        var messages = _model.Requests[1].Messages.Select(m => (m!["role"]!.GetValue<string>(), m["content"]!.ToString())).ToList();
        messages.Should().Equal(
            ("system", "You are a chat test agent."), ("user", "My name is Ada."), ("assistant", "Hello Ada!"), ("user", "Who am I?"));

        var sessions = await (await fixture.Member.GetAsync($"{Workflows}/{id}/chat/sessions")).ShouldBeJsonAsync(HttpStatusCode.OK);
        sessions.EnumerateArray().Select(s => s.GetProperty("id").GetGuid()).Should().Equal(first.SessionId());
        await using var db = fixture.App.CreateSystemContext();
        (await db.ChatMessages.IgnoreQueryFilters().CountAsync(m => m.SessionId == first.SessionId())).Should().Be(4);
    }

    [Fact]
    public async Task Sessions_are_private_to_their_user_even_from_admins_and_other_tenants()
    {
        _model.Enqueue(new ScriptedReply.Text("Secret noted."));
        var id = await fixture.Member.CreateChatWorkflowAsync(_model);
        var sessionId = (await fixture.Member.ChatAsync(id, "My secret is 42.")).SessionId();
        var session = $"{Workflows}/{id}/chat/sessions/{sessionId}";

        foreach (var other in new[] { fixture.OtherMember, fixture.Admin })
        {
            await (await other.GetAsync(session)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "session");
            await (await other.DeleteAsync(session)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "session");
            await (await other.PostChatAsync(id, new { message = "Tell me", sessionId })).ShouldBeProblemAsync(HttpStatusCode.NotFound, "session");
            var list = await (await other.GetAsync($"{Workflows}/{id}/chat/sessions")).ShouldBeJsonAsync(HttpStatusCode.OK);
            list.GetArrayLength().Should().Be(0);
        }

        await (await fixture.Stranger.GetAsync(session)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await fixture.Stranger.GetAsync($"{Workflows}/{id}/chat/sessions")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "workflow");
        await (await fixture.Stranger.PostChatAsync(id, new { message = "Hi" })).ShouldBeProblemAsync(HttpStatusCode.NotFound, "workflow");
        (await fixture.Viewer.PostChatAsync(id, new { message = "Hi" })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await fixture.Viewer.GetAsync($"{Workflows}/{id}/chat/sessions")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        _model.Remaining.Should().Be(0, "no refused request reached the model");
    }

    [Fact]
    public async Task Deleting_a_session_removes_it_and_its_messages()
    {
        _model.Enqueue(new ScriptedReply.Text("Sure."));
        var id = await fixture.Member.CreateChatWorkflowAsync(_model);
        var sessionId = (await fixture.Member.ChatAsync(id, "Remember this.")).SessionId();

        (await fixture.Member.DeleteAsync($"{Workflows}/{id}/chat/sessions/{sessionId}")).StatusCode.Should().Be(HttpStatusCode.NoContent);

        await (await fixture.Member.GetAsync($"{Workflows}/{id}/chat/sessions/{sessionId}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "session");
        await using var db = fixture.App.CreateSystemContext();
        (await db.ChatMessages.IgnoreQueryFilters().AnyAsync(m => m.SessionId == sessionId)).Should().BeFalse();
    }

    [Fact]
    public async Task A_workflow_without_a_chat_trigger_is_refused_with_422_and_nothing_is_saved()
    {
        var id = await fixture.Member.CreateChatWorkflowAsync(_model, triggerMode: "manual");

        await (await fixture.Member.PostChatAsync(id, new { message = "Hello" })).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "chat trigger");

        await using var db = fixture.App.CreateSystemContext();
        (await db.ChatSessions.IgnoreQueryFilters().AnyAsync(s => s.WorkflowId == id)).Should().BeFalse();
    }

    [Fact]
    public async Task Bad_messages_are_refused_with_400_naming_the_field()
    {
        var id = await fixture.Member.CreateChatWorkflowAsync(_model);
        var chat = $"{Workflows}/{id}/chat";

        foreach (var body in new object[] { new { message = "" }, new { message = "   \n " }, new { }, new { message = new string('x', ChatService.MaxMessageLength + 1) } })
        {
            var problem = await (await fixture.Member.PostAsync(chat, Json(body))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
            problem.ErrorsFor("message").Should().NotBeEmpty();
        }

        await (await fixture.Member.PostAsync(chat, RawJson("""{"message":"hi","mode":"x"}"""))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "mode");
        await (await fixture.Member.PostAsync(chat, RawJson("""{"message": """))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "JSON");
        await (await fixture.Member.PostChatAsync(id, new { message = "Hi", sessionId = Guid.NewGuid() })).ShouldBeProblemAsync(HttpStatusCode.NotFound, "session");
        _model.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task A_failing_model_gives_a_done_event_with_the_error_and_the_reply_is_saved_with_it()
    {
        _model.Enqueue(new ScriptedReply.Error(401));
        var id = await fixture.Member.CreateChatWorkflowAsync(_model);

        var events = await fixture.Member.ChatAsync(id, "Hello?");

        var done = events[^1].Data;
        done.GetProperty("error").GetString().Should().NotBeNullOrWhiteSpace();
        var session = await (await fixture.Member.GetAsync($"{Workflows}/{id}/chat/sessions/{events.SessionId()}")).ShouldBeJsonAsync(HttpStatusCode.OK);
        session.GetProperty("messages")[1].GetProperty("error").GetString().Should().Be(done.GetProperty("error").GetString());
    }

    [Fact]
    public async Task The_seeded_support_assistant_chats_on_a_fresh_install_with_the_offline_model()
    {
        var id = (await fixture.DemoMember.ListWorkflowsAsync("?search=Support%20assistant")).ItemIds().Single();

        var events = await fixture.DemoMember.ChatAsync(id, "Where is my order 12345?");

        var done = events[^1].Data;
        done.GetProperty("offline").GetBoolean().Should().BeTrue();
        done.GetProperty("answer").GetString().Should().StartWith("[offline model]");
        var tokens = events.Where(e => e.Name == "token").Select(e => e.Data.GetProperty("text").GetString()).ToList();
        tokens.Should().HaveCountGreaterThan(1, "the offline model streams its answer too");
        string.Concat(tokens).Should().Be(done.GetProperty("answer").GetString());
        events.Where(e => e.Name == "step").Select(e => e.Data.GetProperty("tool").GetString()).Should().Contain("look_up_order");
        _model.Requests.Should().BeEmpty();
    }
}
