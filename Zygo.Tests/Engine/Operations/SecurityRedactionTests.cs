using System.Text.Json.Nodes;
using Zygo.Engine.Execution;
using Zygo.Engine.Nodes.Operations.Security;

namespace Zygo.Tests.Engine.Operations;

public sealed class SecurityRedactionTests : IDisposable
{
    private readonly NodeHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    private async Task<(JsonNode? Data, List<(string Path, string Kind)> Redactions, string Json)> RedactAsync(
        JsonNode? input, JsonObject? extra = null)
    {
        var config = new JsonObject { ["operation"] = "redact" };
        foreach (var (key, value) in extra ?? [])
        {
            config[key] = value?.DeepClone();
        }

        var outcome = await _harness.RunAsync<SecurityNodeType>(config, input);
        var redactions = outcome.Output!["redactions"]!.AsArray()
            .Select(r => ((string)r!["path"]!, (string)r["kind"]!)).ToList();
        return (outcome.Output["data"], redactions, outcome.Output.ToJsonString());
    }

    [Theory]
    [InlineData("sk-proj-Abcdefghijklmnop123456", "api_key")]
    [InlineData("sk_live_4eC39HqLyjWDarjtT1zdp7dc", "api_key")]
    [InlineData("ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789", "api_key")]
    [InlineData("xoxb-123456789012-abcdefghijkl", "api_key")]
    [InlineData("AKIAIOSFODNN7EXAMPLE", "api_key")]
    [InlineData("AIzaSyA-1234567890abcdefghijklmnopqrstu", "api_key")]
    [InlineData("Bearer abc.DEF-123_456~789+xyz/=", "bearer_token")]
    [InlineData("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U", "jwt")]
    [InlineData("jane.doe+work@mail.example.co.uk", "email")]
    [InlineData("+44 20 7946 0958", "phone")]
    [InlineData("+1 (415) 555-2671", "phone")]
    [InlineData("(555) 123-4567", "phone")]
    [InlineData("555-123-4567", "phone")]
    [InlineData("4111 1111 1111 1111", "credit_card")]
    [InlineData("5500-0000-0000-0004", "credit_card")]
    [InlineData("DE89 3704 0044 0532 0130 00", "iban")]
    [InlineData("GB82WEST12345698765432", "iban")]
    [InlineData("192.168.10.254", "ipv4")]
    public async Task Each_kind_is_replaced_inside_text_and_the_secret_never_reaches_the_output(string secret, string kind)
    {
        var (data, redactions, json) = await RedactAsync(new JsonObject { ["note"] = $"see {secret} here" });

        data!["note"]!.GetValue<string>().Should().Be($"see [REDACTED:{kind}] here");
        redactions.Should().Equal(("$.note", kind));
        json.Should().NotContain(secret);
        _harness.Logs.Should().NotContain(line => line.Contains(secret));
    }

    [Theory]
    [InlineData("order 12345678 shipped")]
    [InlineData("on 2024-01-15 at 10:30")]
    [InlineData("version 1.2.3")]
    [InlineData("999.1.1.1")]
    [InlineData("sk-short")]
    [InlineData("4111 1111 1111 1112")]
    [InlineData("DE00 3704 0044 0532 0130 00")]
    public async Task Look_alikes_that_fail_their_pattern_or_checksum_are_kept(string text)
    {
        var (data, redactions, _) = await RedactAsync(new JsonObject { ["note"] = text });

        data!["note"]!.GetValue<string>().Should().Be(text);
        redactions.Should().BeEmpty();
    }

    [Fact]
    public async Task A_sixteen_digit_number_is_redacted_only_when_it_passes_the_Luhn_check()
    {
        var input = JsonNode.Parse("""{ "card": 4111111111111111, "reference": 4111111111111112, "count": 3 }""");

        var (data, redactions, json) = await RedactAsync(input);

        data!["card"]!.GetValue<string>().Should().Be("[REDACTED:credit_card]");
        json.Should().Contain("\"reference\":4111111111111112").And.Contain("\"count\":3").And.NotContain("4111111111111111");
        redactions.Should().Equal(("$.card", "credit_card"));
    }

    [Fact]
    public async Task Nested_objects_and_arrays_are_walked_with_their_paths()
    {
        var input = JsonNode.Parse("""
            {
              "users": [
                { "name": "Ada", "contact": { "emails": ["ada@example.com", "none"], "phone": "+1 415 555 2671" } },
                { "name": "Bob", "seen": ["10.0.0.1", true, null, 7] }
              ]
            }
            """);

        var (data, redactions, _) = await RedactAsync(input);

        redactions.Should().Equal(
            ("$.users[0].contact.emails[0]", "email"),
            ("$.users[0].contact.phone", "phone"),
            ("$.users[1].seen[0]", "ipv4"));
        data!["users"]![0]!["contact"]!["emails"]!.ToJsonString().Should().Be("""["[REDACTED:email]","none"]""");
        data["users"]![1]!["seen"]!.ToJsonString().Should().Be("""["[REDACTED:ipv4]",true,null,7]""");
        data["users"]![1]!["name"]!.GetValue<string>().Should().Be("Bob");
        input!["users"]![0]!["contact"]!["emails"]![0]!.GetValue<string>().Should().Be("ada@example.com", "the input itself is left as it was");
    }

    [Fact]
    public async Task Values_of_secret_named_fields_are_redacted_whole_whatever_they_look_like()
    {
        var input = JsonNode.Parse("""
            {
              "Password": "correct horse battery staple",
              "client_secret": "plain words",
              "accessToken": 12345,
              "X-Api-Key": "k",
              "auth": { "refresh-token": { "value": "abc", "expires": 3600 } },
              "hasPassword": true,
              "passwordHint": null,
              "maxTokens": 1000,
              "secretary": "Mrs Hudson"
            }
            """);

        var (data, redactions, json) = await RedactAsync(input);

        redactions.Should().Equal(
            ("$.Password", "secret"), ("$.client_secret", "secret"), ("$.accessToken", "secret"), ("$.X-Api-Key", "secret"),
            ("$.auth.refresh-token", "secret"));
        data!["auth"]!["refresh-token"]!.GetValue<string>().Should().Be("[REDACTED:secret]");
        json.Should().Contain("\"hasPassword\":true").And.Contain("\"maxTokens\":1000").And.Contain("Mrs Hudson")
            .And.NotContain("correct horse").And.NotContain("plain words").And.NotContain("12345");
    }

    [Fact]
    public async Task RedactKinds_limits_the_kinds_and_redactFields_always_applies()
    {
        var input = JsonNode.Parse("""
            { "email": "ada@example.com", "phone": "+44 20 7946 0958", "password": "pw-1", "SSN": "078-05-1120" }
            """);

        var (data, redactions, _) = await RedactAsync(input, new JsonObject
        {
            ["redactKinds"] = new JsonArray("email"),
            ["redactFields"] = new JsonArray("s_s_n"),
        });

        redactions.Should().Equal(("$.email", "email"), ("$.SSN", "secret"));
        data!["phone"]!.GetValue<string>().Should().Be("+44 20 7946 0958");
        data["password"]!.GetValue<string>().Should().Be("pw-1", "the secret kind was not selected");
    }

    [Fact]
    public async Task Several_finds_in_one_string_are_each_recorded()
    {
        var (data, redactions, _) = await RedactAsync(JsonValue.Create("mail ada@example.com or bob@example.org from 10.1.2.3"));

        data!.GetValue<string>().Should().Be("mail [REDACTED:email] or [REDACTED:email] from [REDACTED:ipv4]");
        redactions.Should().Equal(("$", "email"), ("$", "email"), ("$", "ipv4"));
    }

    [Fact]
    public async Task An_unknown_kind_is_a_configuration_error()
    {
        var act = () => RedactAsync(new JsonObject(), new JsonObject { ["redactKinds"] = new JsonArray("passport") });

        (await act.Should().ThrowAsync<NodeFailedException>()).Which.Message.Should().Contain("configuration of 'Node under test'").And.Contain("redactKinds");
    }

    [Fact]
    public async Task A_cancelled_run_stops_redacting()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var act = () => _harness.RunAsync<SecurityNodeType>(new JsonObject { ["operation"] = "redact" },
            new JsonObject { ["email"] = "ada@example.com" }, cancellationToken: cancelled.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public void A_pattern_that_runs_out_of_time_fails_closed_instead_of_passing_the_value_on()
    {
        var redactor = new Redactor(new SecretPatterns(TimeSpan.FromMilliseconds(1)), [], []);
        var huge = JsonValue.Create(string.Concat(Enumerable.Repeat("1234567890 ", 400_000)));

        var act = () => redactor.Redact(new JsonObject { ["blob"] = huge }, []);

        act.Should().Throw<NodeFailedException>().WithMessage("Looking for * data in the value at $.blob took too long; nothing was passed on.");
    }
}
