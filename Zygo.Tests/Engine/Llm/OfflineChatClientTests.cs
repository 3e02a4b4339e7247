using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using Zygo.Engine.Llm.Offline;

namespace Zygo.Tests.Engine.Llm;

/// <summary>The offline model: lexical tool choice, arguments from the request, answers composed from results.</summary>
public sealed class OfflineChatClientTests
{
    private static AIFunctionDeclaration Tool(string name, string description, string schema) =>
        AIFunctionFactory.CreateDeclaration(name, description, JsonDocument.Parse(schema).RootElement.Clone());

    private static readonly AIFunctionDeclaration[] SupportTools =
    [
        Tool("search_knowledge_base", "Finds passages in the product manuals and FAQ that answer a question.",
            """{"type":"object","properties":{"query":{"type":"string"}},"required":["query"]}"""),
        Tool("look_up_order", "Gets an order's status, items and delivery date by order number.",
            """{"type":"object","properties":{"path":{"type":"string"},"body":{"anyOf":[{"type":"object"},{"type":"string"}]},"orderId":{"type":"string"}}}"""),
        Tool("escalate_to_a_human", "Emails the support team a summary when the customer needs a person.",
            """{"type":"object","properties":{"to":{"type":"string"},"subject":{"type":"string"},"summary":{"type":"string"}}}"""),
    ];

    private static async Task<ChatResponse> AskAsync(string request, params ChatMessage[] more)
    {
        using var client = new OfflineChatClient();
        return await client.GetResponseAsync([new ChatMessage(ChatRole.User, request), .. more], new ChatOptions { Tools = [.. SupportTools] });
    }

    [Theory]
    [InlineData("Where is my order 12345?", "look_up_order")]
    [InlineData("How do I reset the product? Check the manual", "search_knowledge_base")]
    [InlineData("I want to talk to a person from the support team", "escalate_to_a_human")]
    public async Task Picks_the_tool_whose_name_and_description_share_the_rarest_words_with_the_request(string request, string expected)
    {
        var response = await AskAsync(request);

        response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().First().Name.Should().Be(expected);
    }

    [Fact]
    public async Task Fills_ids_from_the_words_that_name_them_and_free_text_arguments_with_the_request()
    {
        var order = (await AskAsync("Where is my order #A-778?")).Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().Single();
        order.Arguments!["orderId"]!.ToString().Should().Be("A-778");
        order.Arguments.Should().NotContainKey("path").And.NotContainKey("body", "an HTTP body is not free text to fill");

        var search = (await AskAsync("Check the manual about warranty")).Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().First();
        search.Arguments!["query"]!.ToString().Should().Be("Check the manual about warranty");
    }

    [Fact]
    public async Task Composes_a_labelled_answer_from_the_tool_results()
    {
        var first = await AskAsync("Where is my order 12345?");
        var call = first.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().Single();

        var second = await AskAsync("Where is my order 12345?", first.Messages[0],
            new ChatMessage(ChatRole.Tool, [new FunctionResultContent(call.CallId, """{"status":"shipped"}""")]));

        second.Text.Should().StartWith(OfflineChatClient.Label).And.Contain("look_up_order").And.Contain("shipped");
        second.FinishReason.Should().Be(ChatFinishReason.Stop);
        second.Usage!.OutputTokenCount.Should().BeGreaterThan(0);
    }

    [Fact]
    public async Task Says_honestly_when_no_tool_matches()
    {
        var response = await AskAsync("zzz qqq");

        response.Text.Should().StartWith(OfflineChatClient.Label).And.Contain("None of my tools");
        response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().Should().BeEmpty();
    }

    [Fact]
    public async Task Is_deterministic()
    {
        var a = await AskAsync("Where is my order 12345?");
        var b = await AskAsync("Where is my order 12345?");

        JsonSerializer.Serialize(a.Messages[0].Contents.OfType<FunctionCallContent>().Single().Arguments)
            .Should().Be(JsonSerializer.Serialize(b.Messages[0].Contents.OfType<FunctionCallContent>().Single().Arguments));
    }

    [Fact]
    public async Task Streams_its_answer_in_pieces_that_add_up_to_it()
    {
        using var client = new OfflineChatClient();
        var pieces = new List<string>();
        await foreach (var update in client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "hello there")]))
        {
            pieces.Add(update.Text);
        }

        pieces.Should().HaveCountGreaterThan(3);
        string.Concat(pieces).Should().StartWith(OfflineChatClient.Label).And.Contain("hello there");
    }
}
