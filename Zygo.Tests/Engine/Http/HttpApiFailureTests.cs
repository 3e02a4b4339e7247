using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Zygo.Engine.Nodes;
using Zygo.Engine.Nodes.Http;
using Zygo.Tests.Infrastructure;
using static Zygo.Tests.Engine.Http.HttpTestServer;

namespace Zygo.Tests.Engine.Http;

/// <summary>Timeouts, cancellation, unreachable servers, bad configs and keeping credentials out of messages.</summary>
[Collection(TimingCollection.Name)]
public sealed class HttpApiFailureTests(HttpTestServer server) : IClassFixture<HttpTestServer>
{
    [Fact]
    public async Task Times_out_after_the_configured_seconds_as_retryable()
    {
        var clock = Stopwatch.StartNew();

        var failure = await FailAsync(new JsonObject { ["url"] = server.Url("/slow"), ["timeout"] = 1 });

        // The first call of a run also pays for connecting and warming up; the server would answer only after 5 s.
        clock.Elapsed.Should().BeGreaterThan(TimeSpan.FromSeconds(0.9)).And.BeLessThan(TimeSpan.FromSeconds(3));
        failure.Message.Should().Be($"GET {server.Url("/slow")} timed out after 1 s.");
        failure.Retryable.Should().BeTrue();
    }

    [Fact]
    public async Task Stops_promptly_when_the_run_is_cancelled()
    {
        using var harness = new NodeHarness();
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var clock = Stopwatch.StartNew();

        var run = () => harness.RunAsync<HttpApiNodeType>(new JsonObject { ["url"] = server.Url("/slow") },
            cancellationToken: cancellation.Token);

        await run.Should().ThrowAsync<OperationCanceledException>();
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(1.3), "it stops within a second of the cancel at 300 ms, not when the server answers at 5 s");
    }

    [Fact]
    public async Task Fails_as_retryable_when_the_connection_is_refused()
    {
        var port = ClosedPort();

        var failure = await FailAsync(new JsonObject { ["url"] = $"http://127.0.0.1:{port}/anything" });

        failure.Message.Should().Be($"GET http://127.0.0.1:{port}/anything failed: connection refused to 127.0.0.1:{port}.");
        failure.Retryable.Should().BeTrue();
    }

    [Fact]
    public async Task Fails_as_retryable_when_the_host_does_not_resolve()
    {
        var failure = await FailAsync(new JsonObject { ["url"] = "http://no-such-host.invalid/x", ["timeout"] = 10 });

        failure.Message.Should().Contain("could not resolve the host 'no-such-host.invalid'");
        failure.Retryable.Should().BeTrue();
    }

    [Theory]
    [InlineData("", "url is empty")]
    [InlineData("   ", "url is empty")]
    [InlineData("not a url", "url 'not a url' is not an absolute http:// or https:// address")]
    [InlineData("/relative/path", "url '/relative/path' is not an absolute")]
    [InlineData("ftp://example.com/file", "url 'ftp://example.com/file' is not an absolute")]
    public async Task Refuses_a_missing_or_invalid_url_naming_it(string url, string expected)
    {
        var failure = await FailAsync(new JsonObject { ["url"] = url });

        failure.Message.Should().Contain(expected);
        failure.Retryable.Should().BeFalse();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public async Task Refuses_a_timeout_that_is_not_positive(double timeout)
    {
        var failure = await FailAsync(new JsonObject { ["url"] = server.Url("/echo"), ["timeout"] = timeout });

        failure.Message.Should().Contain("timeout must be a positive number of seconds");
    }

    [Theory]
    [InlineData("bearer")]
    [InlineData("basic")]
    [InlineData("apikey")]
    public async Task Keeps_credentials_out_of_error_messages_even_when_the_server_repeats_them(string type)
    {
        var secrets = new Dictionary<string, string> { ["API_SECRET"] = "super-secret-value-42" };
        using var harness = new NodeHarness();

        var failure = await FailAsync(
            new JsonObject
            {
                ["url"] = server.Url("/status/401"),
                ["authentication"] = new JsonObject
                {
                    ["type"] = type,
                    ["username"] = "bob",
                    ["password"] = "{{env.API_SECRET}}",
                    ["token"] = "{{env.API_SECRET}}",
                    ["apiKey"] = "{{env.API_SECRET}}",
                },
            },
            env: secrets,
            harness: harness);

        failure.Message.Should().Contain("answered 401").And.Contain("***").And.NotContain("super-secret-value-42");
        failure.Message.Should().NotContain(SecretRedactor.BasicCredential("bob", "super-secret-value-42"));
        harness.Logs.Should().NotContain(line => line.Contains("super-secret-value-42"));
    }

    [Fact]
    public async Task Keeps_credentials_out_of_the_output()
    {
        var output = await RunAsync(new JsonObject
        {
            ["url"] = server.Url("/auth/bearer"),
            ["authentication"] = new JsonObject { ["type"] = "bearer", ["token"] = BearerToken },
        });

        output["status"]!.GetValue<int>().Should().Be(200);
        output.ToJsonString().Should().NotContain(BearerToken);
    }

    [Fact]
    public void Describes_itself_to_the_palette_and_to_agents()
    {
        using var harness = new NodeHarness();
        var type = harness.Services.GetRequiredService<NodeTypeRegistry>().Find("http_api");

        type.Should().BeOfType<HttpApiNodeType>();
        type!.Label.Should().Be("HTTP API");
        type.Category.Should().Be(NodeCategory.Integration);
        type.Icon.Should().Be("Globe");
        type.Description.Should().Be("Call external REST/GraphQL APIs");
        type.ConfigType.Should().Be(typeof(HttpApiConfig));
        type.ArgumentSchema["properties"]!.AsObject().Select(p => p.Key).Should().BeEquivalentTo("path", "query", "body", "method");
    }

    private static int ClosedPort()
    {
        // A port that was just free and has nobody listening: connecting to it is refused at once.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
