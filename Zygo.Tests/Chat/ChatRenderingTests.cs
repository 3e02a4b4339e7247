using System.Text.Json.Nodes;
using Bunit;
using MudBlazor;
using MudBlazor.Services;
using Zygo.Web.Chat;
using Zygo.Web.Components.Editor.Chat;

namespace Zygo.Tests.Chat;

/// <summary>How the chat panel shows a reply: tool steps as collapsible text, Markdown without any way to run script.</summary>
public sealed class ChatRenderingTests : BunitContext, IAsyncLifetime
{
    private const string Hostile =
        "Hi <script>alert(1)</script> [click](javascript:alert(2)) <img src=x onerror=alert(3)> ![pic](javascript:alert(4)) {#x onclick=alert(5)}";

    public ChatRenderingTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    private static ChatMessageView Reply(string content, JsonArray? steps = null, bool offline = false, string? error = null) =>
        new(Guid.NewGuid(), "assistant", content, Guid.NewGuid(), error, offline, 10, 4, steps, DateTime.UtcNow);

    [Fact]
    public void Tool_steps_are_collapsible_with_name_arguments_and_observation()
    {
        var steps = new JsonArray(
            new JsonObject
            {
                ["type"] = "tool", ["tool"] = "look_up_order", ["outcome"] = "ok",
                ["arguments"] = new JsonObject { ["orderId"] = "12345" }, ["observation"] = """{"status":"shipped"}""",
            },
            new JsonObject
            {
                ["type"] = "tool", ["tool"] = "send_email", ["outcome"] = "error",
                ["arguments"] = new JsonObject { ["to"] = "a@b.c" }, ["observation"] = "Error: the SMTP server refused the connection.",
            });
        Render<MudPopoverProvider>();

        var bubble = Render<ChatMessageBubble>(p => p.Add(b => b.Message, Reply("Your order has shipped.", steps)));

        var details = bubble.FindAll("details[data-testid=chat-step]");
        details.Should().HaveCount(2);
        details.Should().OnlyContain(d => !d.HasAttribute("open"), "steps start collapsed");
        details[0].QuerySelector("summary")!.TextContent.Should().Contain("look_up_order").And.Contain("called");
        details[0].QuerySelector("[data-testid=chat-step-arguments]")!.TextContent.Should().Contain("\"orderId\": \"12345\"");
        details[0].QuerySelector("[data-testid=chat-step-observation]")!.TextContent.Should().Be("""{"status":"shipped"}""");
        details[1].GetAttribute("data-outcome").Should().Be("error");
        details[1].QuerySelector("summary")!.TextContent.Should().Contain("send_email").And.Contain("error");
        bubble.Find("[data-testid=chat-reply]").TextContent.Trim().Should().Be("Your order has shipped.");
    }

    [Fact]
    public void A_reply_with_script_markup_and_unsafe_links_renders_as_text()
    {
        var steps = new JsonArray(new JsonObject
        {
            ["type"] = "tool", ["tool"] = "<img src=x onerror=alert(6)>", ["outcome"] = "ok",
            ["arguments"] = new JsonObject { ["q"] = "<script>alert(7)</script>" }, ["observation"] = "<script>alert(8)</script>",
        });
        Render<MudPopoverProvider>();

        var bubble = Render<ChatMessageBubble>(p => p.Add(b => b.Message, Reply(Hostile, steps)));

        bubble.FindAll("script").Should().BeEmpty();
        bubble.FindAll("img").Should().BeEmpty();
        bubble.FindAll("[onerror], [onclick]").Should().BeEmpty();
        bubble.FindAll("a").Where(a => a.GetAttribute("href")?.Contains("javascript", StringComparison.OrdinalIgnoreCase) == true)
            .Should().BeEmpty();
        var reply = bubble.Find("[data-testid=chat-reply]").TextContent;
        reply.Should().Contain("<script>alert(1)</script>", "raw HTML is shown as the text it is").And.Contain("click");
        bubble.Find("[data-testid=chat-step-observation]").TextContent.Should().Be("<script>alert(8)</script>");
    }

    [Fact]
    public void A_users_message_is_plain_text()
    {
        var bubble = Render<ChatMessageBubble>(p => p.Add(b => b.Message,
            new ChatMessageView(Guid.NewGuid(), "user", "**not bold** <b>nor this</b>", null, null, false, null, null, null, DateTime.UtcNow)));

        bubble.FindAll("strong, b").Should().BeEmpty();
        bubble.Find("[data-testid=chat-message]").TextContent.Trim().Should().Be("**not bold** <b>nor this</b>");
    }

    [Fact]
    public void Offline_answers_are_labelled_and_failed_replies_show_their_error()
    {
        Render<MudPopoverProvider>();

        var offline = Render<ChatMessageBubble>(p => p.Add(b => b.Message, Reply("[offline model] Done.", offline: true)));
        var failed = Render<ChatMessageBubble>(p => p.Add(b => b.Message, Reply("", error: "The model refused the API key (401).")));
        var online = Render<ChatMessageBubble>(p => p.Add(b => b.Message, Reply("Done.")));

        offline.Find("[data-testid=chat-offline]").TextContent.Should().Contain("Offline model");
        online.FindAll("[data-testid=chat-offline]").Should().BeEmpty();
        failed.Find("[data-testid=chat-reply-error]").TextContent.Should().Contain("401");
        failed.FindAll("[data-testid=chat-reply]").Should().BeEmpty();
    }

    [Fact]
    public void Markdown_keeps_formatting_and_line_breaks()
    {
        var html = ChatMarkdown.ToHtml("**Total:** 5\nline two\n\n- a\n- b\n\n[docs](https://example.com/x)");

        html.Should().Contain("<strong>Total:</strong> 5<br />").And.Contain("<li>a</li>").And.Contain("href=\"https://example.com/x\"");
    }

    [Fact]
    public async Task Many_render_requests_within_the_interval_make_one_render()
    {
        var renders = 0;
        using var batcher = new RenderBatcher(TimeSpan.FromMilliseconds(50), () =>
        {
            Interlocked.Increment(ref renders);
            return Task.CompletedTask;
        });

        for (var i = 0; i < 100; i++)
        {
            batcher.Request();
        }

        await RendersReachAsync(() => renders, 1);
        await Task.Delay(200); // a second render of the same burst would have come by now
        renders.Should().Be(1);
        batcher.Batches.Should().Be(1);

        batcher.Request();
        await RendersReachAsync(() => renders, 2);
        renders.Should().Be(2);
    }

    /// <summary>Waits (up to ten seconds, so a busy machine's late timer is not a failure) for the count to reach <paramref name="expected"/>.</summary>
    private static async Task RendersReachAsync(Func<int> renders, int expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (renders() < expected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();
}
