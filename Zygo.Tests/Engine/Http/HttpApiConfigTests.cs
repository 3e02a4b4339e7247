using System.Text.Json;
using Zygo.Engine;
using Zygo.Engine.Nodes;
using Zygo.Engine.Nodes.Http;

namespace Zygo.Tests.Engine.Http;

/// <summary>The config reads the spec's JSON spellings and has the spec's defaults.</summary>
public sealed class HttpApiConfigTests
{
    [Fact]
    public void Has_the_spec_defaults()
    {
        var config = new HttpApiConfig();

        config.Method.Should().Be("GET");
        config.BodyType.Should().Be(HttpBodyType.None);
        config.Timeout.Should().Be(30);
        config.Retries.Should().Be(0);
        config.Authentication.Type.Should().Be(HttpAuthType.None);
        config.Authentication.ApiKeyHeader.Should().Be("X-API-Key");
        config.ErrorHandling.Should().Be(ErrorHandling.Throw);
    }

    [Fact]
    public void Reads_the_spec_spellings()
    {
        var config = JsonSerializer.Deserialize<HttpApiConfig>(
            """
            {
              "url": "https://api.example.com", "method": "post", "bodyType": "form", "timeout": 2.5, "retries": 3,
              "headers": [{ "key": "X-A", "value": "1" }], "queryParams": [{ "key": "q", "value": "x" }],
              "authentication": { "type": "apikey", "apiKey": "k", "apiKeyHeader": "X-Key" },
              "responseMapping": "$.items", "errorHandling": "continue"
            }
            """, EngineJson.Options)!;

        config.BodyType.Should().Be(HttpBodyType.Form);
        config.Timeout.Should().Be(2.5);
        config.Retries.Should().Be(3);
        config.Headers.Should().Equal(new KeyValueEntry { Key = "X-A", Value = "1" });
        config.QueryParams.Should().Equal(new KeyValueEntry { Key = "q", Value = "x" });
        config.Authentication.Should().Be(new HttpAuthentication { Type = HttpAuthType.Apikey, ApiKey = "k", ApiKeyHeader = "X-Key" });
        config.ErrorHandling.Should().Be(ErrorHandling.Continue);
        JsonSerializer.Serialize(HttpAuthType.Apikey, EngineJson.Options).Should().Be("\"apikey\"");
    }
}
