using System.Text.Json.Nodes;
using static Zygo.Tests.Engine.Http.HttpTestServer;

namespace Zygo.Tests.Engine.Http;

/// <summary>How the node builds its request: method, address, query, headers, body and credentials.</summary>
public sealed class HttpApiRequestTests(HttpTestServer server) : IClassFixture<HttpTestServer>
{
    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("patch")]
    [InlineData("Delete")]
    public async Task Sends_every_method_whatever_its_letter_case(string method)
    {
        var output = await RunAsync(new JsonObject { ["url"] = server.Url("/echo"), ["method"] = method });

        Echoed(output)["method"]!.GetValue<string>().Should().Be(method.ToUpperInvariant());
    }

    [Fact]
    public async Task Refuses_an_unknown_method_naming_it()
    {
        var failure = await FailAsync(new JsonObject { ["url"] = server.Url("/echo"), ["method"] = "TRACE" });

        failure.Message.Should().Contain("method 'TRACE'").And.Contain("GET, POST, PUT, PATCH or DELETE");
        failure.Retryable.Should().BeFalse();
    }

    [Fact]
    public async Task Appends_query_parameters_encoded_after_the_query_of_the_url()
    {
        var output = await RunAsync(new JsonObject
        {
            ["url"] = server.Url("/echo?x=1"),
            ["queryParams"] = new JsonArray(
                new JsonObject { ["key"] = "q", ["value"] = "a b&c=d" },
                new JsonObject { ["key"] = "ünï", ["value"] = "€/?" },
                new JsonObject { ["key"] = " ", ["value"] = "rows without a key are skipped" }),
        });

        var echoed = Echoed(output);
        echoed["rawQuery"]!.GetValue<string>().Should().Be("?x=1&q=a%20b%26c%3Dd&%C3%BCn%C3%AF=%E2%82%AC%2F%3F");
        echoed["query"]!["q"]!.GetValue<string>().Should().Be("a b&c=d");
        echoed["query"]!["ünï"]!.GetValue<string>().Should().Be("€/?");
    }

    [Fact]
    public async Task Sends_the_configured_headers_and_a_content_type_header_replaces_the_default()
    {
        var output = await RunAsync(new JsonObject
        {
            ["url"] = server.Url("/echo"),
            ["method"] = "POST",
            ["headers"] = new JsonArray(
                new JsonObject { ["key"] = "X-Trace", ["value"] = "trace-1" },
                new JsonObject { ["key"] = "Content-Type", ["value"] = "application/vnd.zygo+json" }),
            ["body"] = """{"a":1}""",
            ["bodyType"] = "json",
        });

        var echoed = Echoed(output);
        echoed["headers"]!["x-trace"]!.GetValue<string>().Should().Be("trace-1");
        echoed["contentType"]!.GetValue<string>().Should().Be("application/vnd.zygo+json");
        echoed["body"]!.GetValue<string>().Should().Be("""{"a":1}""");
    }

    [Fact]
    public async Task Refuses_an_invalid_header_name_naming_it()
    {
        var failure = await FailAsync(new JsonObject
        {
            ["url"] = server.Url("/echo"),
            ["headers"] = new JsonArray(new JsonObject { ["key"] = "Bad Header", ["value"] = "x" }),
        });

        failure.Message.Should().Contain("header name 'Bad Header'");
        failure.Retryable.Should().BeFalse();
    }

    [Fact]
    public async Task Sends_a_json_body_as_written_with_the_json_content_type()
    {
        var output = await RunAsync(new JsonObject
        {
            ["url"] = server.Url("/echo"),
            ["method"] = "POST",
            ["body"] = """{ "name": "Ada", "tags": [1, 2] }""",
            ["bodyType"] = "json",
        });

        var echoed = Echoed(output);
        echoed["contentType"]!.GetValue<string>().Should().Be("application/json; charset=utf-8");
        echoed["body"]!.GetValue<string>().Should().Be("""{ "name": "Ada", "tags": [1, 2] }""");
    }

    [Fact]
    public async Task Refuses_a_json_body_that_is_not_json()
    {
        var failure = await FailAsync(new JsonObject
        {
            ["url"] = server.Url("/echo"),
            ["method"] = "POST",
            ["body"] = "{ name: Ada",
            ["bodyType"] = "json",
        });

        failure.Message.Should().Contain("body is not valid JSON");
        failure.Retryable.Should().BeFalse();
    }

    [Fact]
    public async Task Sends_a_json_object_form_body_url_encoded()
    {
        var output = await RunAsync(new JsonObject
        {
            ["url"] = server.Url("/echo"),
            ["method"] = "POST",
            ["body"] = """{"name":"Ada Lovelace","n":1,"sign":"a&b=c"}""",
            ["bodyType"] = "form",
        });

        var echoed = Echoed(output);
        echoed["contentType"]!.GetValue<string>().Should().Be("application/x-www-form-urlencoded");
        echoed["body"]!.GetValue<string>().Should().Be("name=Ada+Lovelace&n=1&sign=a%26b%3Dc");
    }

    [Fact]
    public async Task Sends_an_encoded_form_body_as_it_is()
    {
        var output = await RunAsync(new JsonObject
        {
            ["url"] = server.Url("/echo"),
            ["method"] = "POST",
            ["body"] = "a=1&b=two%20words",
            ["bodyType"] = "form",
        });

        var echoed = Echoed(output);
        echoed["contentType"]!.GetValue<string>().Should().Be("application/x-www-form-urlencoded");
        echoed["body"]!.GetValue<string>().Should().Be("a=1&b=two%20words");
    }

    [Fact]
    public async Task Refuses_a_form_body_that_starts_like_json_but_is_not()
    {
        var failure = await FailAsync(new JsonObject
        {
            ["url"] = server.Url("/echo"),
            ["method"] = "POST",
            ["body"] = "{ a=1",
            ["bodyType"] = "form",
        });

        failure.Message.Should().Contain("not a valid JSON object (bodyType is form)");
        failure.Retryable.Should().BeFalse();
    }

    [Theory]
    [InlineData("xml", "<a>1</a>", "application/xml; charset=utf-8")]
    [InlineData("text", "just words", "text/plain; charset=utf-8")]
    public async Task Sends_xml_and_text_bodies_with_their_content_types(string bodyType, string body, string contentType)
    {
        var output = await RunAsync(new JsonObject
        {
            ["url"] = server.Url("/echo"),
            ["method"] = "PUT",
            ["body"] = body,
            ["bodyType"] = bodyType,
        });

        var echoed = Echoed(output);
        echoed["contentType"]!.GetValue<string>().Should().Be(contentType);
        echoed["body"]!.GetValue<string>().Should().Be(body);
    }

    [Fact]
    public async Task Sends_no_body_when_the_body_type_is_none()
    {
        var output = await RunAsync(new JsonObject
        {
            ["url"] = server.Url("/echo"),
            ["method"] = "POST",
            ["body"] = "ignored",
            ["bodyType"] = "none",
        });

        var echoed = Echoed(output);
        echoed["body"]!.GetValue<string>().Should().BeEmpty();
        echoed["contentType"].Should().BeNull();
    }

    [Fact]
    public async Task Resolves_templates_in_the_body()
    {
        var output = await RunAsync(
            new JsonObject
            {
                ["url"] = server.Url("/echo"),
                ["method"] = "POST",
                ["body"] = """{"city":"{{input.city}}"}""",
                ["bodyType"] = "json",
            },
            new JsonObject { ["city"] = "Lyon" });

        Echoed(output)["body"]!.GetValue<string>().Should().Be("""{"city":"Lyon"}""");
    }

    [Theory]
    [InlineData("/auth/basic", "basic")]
    [InlineData("/auth/bearer", "bearer")]
    [InlineData("/auth/apikey/X-API-Key", "apikey")]
    public async Task Sends_each_kind_of_credential_the_way_the_server_expects(string path, string type)
    {
        var output = await RunAsync(new JsonObject
        {
            ["url"] = server.Url(path),
            ["authentication"] = new JsonObject
            {
                ["type"] = type,
                ["username"] = BasicUser,
                ["password"] = BasicPassword,
                ["token"] = BearerToken,
                ["apiKey"] = ApiKey,
            },
        });

        output["status"]!.GetValue<int>().Should().Be(200);
        output["body"]!["authorized"]!.GetValue<bool>().Should().BeTrue();
    }

    [Fact]
    public async Task Sends_the_api_key_in_the_header_the_config_names()
    {
        var output = await RunAsync(new JsonObject
        {
            ["url"] = server.Url("/auth/apikey/X-Custom-Key"),
            ["authentication"] = new JsonObject { ["type"] = "apikey", ["apiKey"] = ApiKey, ["apiKeyHeader"] = "X-Custom-Key" },
        });

        output["status"]!.GetValue<int>().Should().Be(200);
    }

    [Theory]
    [InlineData("basic", "authentication.username")]
    [InlineData("bearer", "authentication.token")]
    [InlineData("apikey", "authentication.apiKey")]
    public async Task Refuses_a_credential_type_whose_secret_is_missing(string type, string field)
    {
        var failure = await FailAsync(new JsonObject
        {
            ["url"] = server.Url("/echo"),
            ["authentication"] = new JsonObject { ["type"] = type },
        });

        failure.Message.Should().Contain(field).And.Contain(type);
        failure.Retryable.Should().BeFalse();
    }

    [Fact]
    public async Task Applies_an_agents_path_query_body_and_method()
    {
        var output = await RunAsync(
            new JsonObject { ["url"] = server.Url("/echo/api/?fixed=1"), ["method"] = "GET" },
            new JsonObject
            {
                ["path"] = "/items/42 b",
                ["query"] = new JsonObject { ["page"] = 2, ["q"] = "x y" },
                ["body"] = new JsonObject { ["title"] = "new" },
                ["method"] = "post",
            });

        var echoed = Echoed(output);
        echoed["method"]!.GetValue<string>().Should().Be("POST");
        echoed["path"]!.GetValue<string>().Should().Be("/echo/api/items/42 b");
        echoed["rawQuery"]!.GetValue<string>().Should().Be("?fixed=1&page=2&q=x%20y");
        echoed["contentType"]!.GetValue<string>().Should().Be("application/json; charset=utf-8");
        echoed["body"]!.GetValue<string>().Should().Be("""{"title":"new"}""");
    }

    [Fact]
    public async Task Keeps_an_agents_path_a_path_under_the_configured_url()
    {
        var output = await RunAsync(new JsonObject { ["url"] = server.Url("/echo/api") }, new JsonObject { ["path"] = "a?b=1#c" });

        var echoed = Echoed(output);
        echoed["path"]!.GetValue<string>().Should().Be("/echo/api/a?b=1#c");
        echoed["rawQuery"]!.GetValue<string>().Should().BeEmpty();
    }

    [Theory]
    [InlineData("../admin")]
    [InlineData("items/%2e%2e/%2E%2E/admin")]
    public async Task Refuses_an_agents_path_that_climbs_out_of_the_configured_url(string path)
    {
        var failure = await FailAsync(new JsonObject { ["url"] = server.Url("/echo/api") }, new JsonObject { ["path"] = path });

        failure.Message.Should().Contain("'path'").And.Contain("'..'");
        failure.Retryable.Should().BeFalse();
    }

    [Fact]
    public async Task Does_not_take_a_previous_nodes_output_for_agent_arguments()
    {
        // A flow input shaped like another HTTP answer: its "body" must not replace the configured one.
        var previous = new JsonObject { ["status"] = 200, ["ok"] = true, ["body"] = "previous answer" };

        var output = await RunAsync(
            new JsonObject { ["url"] = server.Url("/echo"), ["method"] = "POST", ["body"] = "configured", ["bodyType"] = "text" },
            previous);

        Echoed(output)["body"]!.GetValue<string>().Should().Be("configured");
    }

    [Fact]
    public async Task Refuses_an_agent_query_that_is_not_an_object()
    {
        var failure = await FailAsync(new JsonObject { ["url"] = server.Url("/echo") }, new JsonObject { ["query"] = "page=2" });

        failure.Message.Should().Contain("'query' must be an object");
    }
}
