using System.Text.Json.Nodes;
using static Zygo.Tests.Engine.Http.HttpTestServer;

namespace Zygo.Tests.Engine.Http;

/// <summary>What the node makes of an answer: its output, the response mapping and HTTP error statuses.</summary>
public sealed class HttpApiResponseTests(HttpTestServer server) : IClassFixture<HttpTestServer>
{
    [Fact]
    public async Task Outputs_status_headers_parsed_body_data_and_duration()
    {
        var output = await RunAsync(new JsonObject { ["url"] = server.Url("/json") });

        output["status"]!.GetValue<int>().Should().Be(200);
        output["ok"]!.GetValue<bool>().Should().BeTrue();
        output["headers"]!["content-type"]!.GetValue<string>().Should().Be("application/json");
        output["headers"]!.AsObject().Select(h => h.Key).Should().OnlyContain(name => name == name.ToLowerInvariant());
        JsonNode.DeepEquals(output["body"], JsonNode.Parse(JsonDocumentText)).Should().BeTrue();
        JsonNode.DeepEquals(output["data"], output["body"]).Should().BeTrue("without a mapping data is the whole body");
        output["durationMs"]!.GetValue<long>().Should().BeGreaterThanOrEqualTo(0);
    }

    [Fact]
    public async Task Outputs_a_text_answer_as_a_string()
    {
        var output = await RunAsync(new JsonObject { ["url"] = server.Url("/text") });

        output["body"]!.GetValue<string>().Should().Be("plain hello");
    }

    [Fact]
    public async Task Outputs_an_empty_answer_as_null()
    {
        var output = await RunAsync(new JsonObject { ["url"] = server.Url("/no-content") });

        output["status"]!.GetValue<int>().Should().Be(204);
        output["body"].Should().BeNull();
    }

    [Theory]
    [InlineData("$.data.total", "2")]
    [InlineData("$.data.items[*].name", """["alpha","beta"]""")]
    [InlineData("$.data.items[?(@.name == 'beta')]", """{"name":"beta"}""")]
    [InlineData("$.data.created", "\"2026-01-02T03:04:05Z\"")]
    [InlineData("$.data.missing", "null")]
    public async Task Maps_the_response_with_jsonpath_one_match_to_a_value_several_to_an_array(string path, string expected)
    {
        var output = await RunAsync(new JsonObject { ["url"] = server.Url("/json"), ["responseMapping"] = path });

        (output["data"]?.ToJsonString() ?? "null").Should().Be(expected);
    }

    [Fact]
    public async Task Refuses_an_invalid_jsonpath_naming_the_field()
    {
        var failure = await FailAsync(new JsonObject { ["url"] = server.Url("/json"), ["responseMapping"] = "$.data[" });

        failure.Message.Should().Contain("responseMapping '$.data['").And.Contain("not a valid JSONPath");
        failure.Retryable.Should().BeFalse();
    }

    [Fact]
    public async Task Fails_a_mapping_when_the_answer_is_not_json()
    {
        var failure = await FailAsync(new JsonObject { ["url"] = server.Url("/text"), ["responseMapping"] = "$.a" });

        failure.Message.Should().Contain("needs a JSON response").And.Contain("/text");
        failure.Retryable.Should().BeFalse();
    }

    [Fact]
    public async Task Fails_on_404_without_retry_quoting_the_answer()
    {
        var failure = await FailAsync(new JsonObject { ["url"] = server.Url("/status/404") });

        failure.Message.Should().Contain($"GET {server.Url("/status/404")} answered 404 Not Found: status 404 from the test server");
        failure.Retryable.Should().BeFalse();
    }

    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    [InlineData(408)]
    public async Task Fails_on_server_errors_as_retryable(int status)
    {
        var failure = await FailAsync(new JsonObject { ["url"] = server.Url($"/status/{status}") });

        failure.Message.Should().Contain($"answered {status}");
        failure.Retryable.Should().BeTrue();
    }

    [Fact]
    public async Task Fails_on_429_as_retryable_telling_when_to_retry()
    {
        var failure = await FailAsync(new JsonObject { ["url"] = server.Url("/status/429") });

        failure.Message.Should().Contain("answered 429 Too Many Requests; the server asks to retry after 7 s");
        failure.Retryable.Should().BeTrue();
    }

    [Fact]
    public async Task Outputs_an_error_status_with_ok_false_when_error_handling_is_continue()
    {
        var output = await RunAsync(new JsonObject
        {
            ["url"] = server.Url("/status/404"),
            ["errorHandling"] = "continue",
            ["responseMapping"] = "$.a",
        });

        output["status"]!.GetValue<int>().Should().Be(404);
        output["ok"]!.GetValue<bool>().Should().BeFalse();
        output["body"]!.GetValue<string>().Should().StartWith("status 404 from the test server");
        output["data"].Should().BeNull("an error answer does not have the shape the mapping expects");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Cuts_off_an_answer_larger_than_5_MB_with_a_clear_message(bool lengthDeclared)
    {
        var failure = await FailAsync(new JsonObject { ["url"] = server.Url($"/large/{lengthDeclared}") });

        failure.Message.Should().Contain("more than 5 MB").And.Contain("cut off");
        failure.Retryable.Should().BeFalse();
    }

    [Fact]
    public async Task Logs_the_call_without_its_query()
    {
        using var harness = new NodeHarness();

        await RunAsync(new JsonObject
        {
            ["url"] = server.Url("/echo?api_key=in-the-url"),
            ["queryParams"] = new JsonArray(new JsonObject { ["key"] = "token", ["value"] = "in-the-query" }),
        }, harness: harness);

        harness.Logs.Should().ContainSingle().Which.Should().Be($"GET {server.Url("/echo")} answered 200.");
    }
}
