using System.Text.Json.Nodes;
using Zygo.Web.Editor.Config;

namespace Zygo.Tests.Components.Config;

/// <summary>The form's plain helpers: labels, number reading, config paths, loose JSON and variable references.</summary>
public sealed class ConfigModelTests
{
    [Theory]
    [InlineData("maxTokens", "Max tokens")]
    [InlineData("apiKeyHeader", "API key header")]
    [InlineData("smtpHost", "SMTP host")]
    [InlineData("start_tls", "Start TLS")]
    [InlineData("openai_compatible", "OpenAI compatible")]
    [InlineData("userPromptTemplate", "User prompt template")]
    [InlineData("AND", "AND")]
    public void Names_read_as_labels(string name, string label) => FieldLabels.Humanize(name).Should().Be(label);

    [Theory]
    [InlineData("1.5", 1.5, null)]
    [InlineData(" 2 ", 2.0, null)]
    [InlineData("2.5", null, "Between 0 and 2.")]
    [InlineData("-0.1", null, "Between 0 and 2.")]
    [InlineData("abc", null, "Enter a number.")]
    [InlineData("", null, null)]
    public void A_range_reads_typed_numbers(string text, double? value, string? error)
    {
        var reading = new NumberRange(0, 2, 0.1, WholeNumbers: false).Read(text);

        reading.Value.Should().Be(value);
        reading.Error.Should().Be(error);
    }

    [Fact]
    public void Whole_number_ranges_refuse_fractions_and_open_ranges_say_their_bound()
    {
        var range = new NumberRange(1, null, 1, WholeNumbers: true);

        range.Read("2.5").Error.Should().Be("Enter a whole number.");
        range.Read("0").Error.Should().Be("At least 1.");
        range.Brief().Should().Be("≥ 1");
        new NumberRange(0, 2, 0.1, false).Brief().Should().Be("0 to 2");
        new NumberRange(0, null, 1, true, Stated: false).Brief().Should().BeEmpty();
    }

    [Fact]
    public void Paths_set_nested_values_and_merge_fills_defaults_without_losing_values()
    {
        var config = new JsonObject { ["url"] = "https://x.test" };

        ConfigPath.Set(config, "authentication.type", JsonValue.Create("bearer"));
        ConfigPath.Set(config, "url", null);

        config.ToJsonString().Should().Be("""{"authentication":{"type":"bearer"}}""");
        var merged = ConfigPath.Merge(JsonNode.Parse("""{"timeout":30,"authentication":{"type":"none","apiKeyHeader":"X-API-Key"}}""")!.AsObject(), config);
        merged.ToJsonString().Should().Be("""{"timeout":30,"authentication":{"type":"bearer","apiKeyHeader":"X-API-Key"}}""");
        ConfigPath.Get(merged, "authentication.apiKeyHeader")!.GetValue<string>().Should().Be("X-API-Key");
    }

    [Theory]
    [InlineData("42", "42")]
    [InlineData("[1, 2]", "[1,2]")]
    [InlineData("{{input.items}}", "\"{{input.items}}\"")]
    [InlineData("plain words", "\"plain words\"")]
    public void Loose_json_keeps_json_as_json_and_the_rest_as_text(string text, string stored) =>
        LooseJson.FromText(text)!.ToJsonString().Should().Be(stored);

    [Theory]
    [InlineData("{{OPENAI_KEY}}", "OPENAI_KEY")]
    [InlineData("{{ env.SMTP_PASSWORD }}", "SMTP_PASSWORD")]
    [InlineData("sk-typed", null)]
    [InlineData("Bearer {{TOKEN}}", null)]
    [InlineData("{{input.key}}", null)]
    public void Only_a_lone_variable_reference_counts_as_a_saved_variable(string value, string? name) =>
        VariableReference.NameIn(value).Should().Be(name);
}
