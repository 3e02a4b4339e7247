using System.Text.Json.Nodes;
using AngleSharp.Html.Dom;
using Bunit;

namespace Zygo.Tests.Components.Config;

/// <summary>Editing each kind of field publishes the whole config with the new value, and only valid values.</summary>
public sealed class FieldEditingTests(ConfigFormApp app) : ConfigFormTestBase(app), IClassFixture<ConfigFormApp>
{
    [Fact]
    public void Typed_text_is_committed_when_typing_pauses_not_per_keystroke()
    {
        var form = RenderForm("http_api", new JsonObject { ["method"] = "POST" });

        Act(form, () => form.Find("#cfg-url").Input("https://api.example.test/v1"));
        Published.Should().BeEmpty("typing commits after a pause, not per keystroke");

        form.WaitForAssertion(() => Published.Should().ContainSingle());
        Published[0].ToJsonString().Should().Be("""{"method":"POST","url":"https://api.example.test/v1"}""");
    }

    [Fact]
    public void Leaving_a_text_field_commits_at_once()
    {
        var form = RenderForm("http_api");

        Act(form, () => form.Find("#cfg-responseMapping").Input("$.data"));
        Act(form, () => form.Find("#cfg-responseMapping").Blur());

        Published.Should().ContainSingle().Which["responseMapping"]!.GetValue<string>().Should().Be("$.data");
    }

    [Fact]
    public void A_number_in_range_is_committed_and_one_out_of_range_shows_the_range_and_is_not()
    {
        var form = RenderForm("llm");
        var temperature = form.Find("#cfg-temperature");
        temperature.GetAttribute("min").Should().Be("0");
        temperature.GetAttribute("max").Should().Be("2");
        temperature.GetAttribute("step").Should().Be("0.1");

        Act(form, () => form.Find("#cfg-temperature").Input("3.5"));
        Act(form, () => form.Find("#cfg-temperature").Blur());

        form.WaitForAssertion(() => ErrorOf(form, "temperature").Should().Be("Between 0 and 2."));
        Published.Should().BeEmpty();
        ((IHtmlInputElement)form.Find("#cfg-temperature")).Value.Should().Be("3.5", "what was typed stays to be corrected");

        Act(form, () => form.Find("#cfg-temperature").Input("1.5"));
        Act(form, () => form.Find("#cfg-temperature").Blur());

        form.WaitForAssertion(() => Published.Should().ContainSingle().Which["temperature"]!.GetValue<double>().Should().Be(1.5));
        ErrorOf(form, "temperature").Should().BeNull();
    }

    [Fact]
    public void A_whole_number_field_refuses_fractions()
    {
        var form = RenderForm("llm");

        Act(form, () => form.Find("#cfg-maxTokens").Input("12.5"));
        Act(form, () => form.Find("#cfg-maxTokens").Blur());

        form.WaitForAssertion(() => ErrorOf(form, "maxTokens").Should().Be("Enter a whole number."));
        Published.Should().BeEmpty();
    }

    [Fact]
    public void A_switch_commits_its_new_state()
    {
        var form = RenderForm("ai_agent");

        Act(form, () => FieldOf(form, "enableStreaming").QuerySelector("input[type=checkbox]")!.Change(false));

        Published.Should().ContainSingle().Which["enableStreaming"]!.GetValue<bool>().Should().BeFalse();
    }

    [Fact]
    public void A_select_commits_the_value_of_the_chosen_option()
    {
        var form = RenderForm("http_api");

        Choose(form, "cfg-bodyType", "JSON");

        form.WaitForAssertion(() => Published.Should().ContainSingle());
        Published[0]["bodyType"]!.GetValue<string>().Should().Be("json");
    }

    [Fact]
    public void A_key_value_list_commits_rows_once_they_have_a_name()
    {
        var form = RenderForm("http_api");

        Act(form, () => FieldOf(form, "headers").QuerySelector("[data-testid=key-value-add]")!.Click());
        form.WaitForElement("#cfg-headers-0-value");
        Act(form, () => form.Find("#cfg-headers-0-value").Input("application/json"));
        Act(form, () => form.Find("#cfg-headers-0-value").Blur());
        Published.Last()["headers"]!.ToJsonString().Should().Be("[]", "a row without a name is not a header yet");

        Act(form, () => form.Find("#cfg-headers-0-key").Input("Accept"));
        Act(form, () => form.Find("#cfg-headers-0-key").Blur());
        Act(form, () => FieldOf(form, "headers").QuerySelector("[data-testid=key-value-add]")!.Click());
        form.WaitForElement("#cfg-headers-1-key");
        Act(form, () => form.Find("#cfg-headers-1-key").Input("X-Trace"));
        Act(form, () => form.Find("#cfg-headers-1-key").Blur());
        form.WaitForAssertion(() => Published.Last()["headers"]!.AsArray().Should().HaveCount(2));
        Act(form, () => form.Find("#cfg-headers-1-value").Input("{{input.traceId}}"));
        Act(form, () => form.Find("#cfg-headers-1-value").Blur());

        Published.Last()["headers"]!.ToJsonString().Should().Be(
            """[{"key":"Accept","value":"application/json"},{"key":"X-Trace","value":"{{input.traceId}}"}]""");

        Act(form, () => form.Find("[aria-label='Remove header 1']").Click());
        form.WaitForAssertion(() => Published.Last()["headers"]!.ToJsonString().Should().Be("""[{"key":"X-Trace","value":"{{input.traceId}}"}]"""));
    }
}
