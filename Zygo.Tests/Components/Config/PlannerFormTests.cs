using AngleSharp.Html.Dom;
using Bunit;

namespace Zygo.Tests.Components.Config;

/// <summary>The Planner's generated form: the synthesizer's fields grouped under its switch, the confidence thresholds as 0–100.</summary>
public sealed class PlannerFormTests(ConfigFormApp app) : ConfigFormTestBase(app), IClassFixture<ConfigFormApp>
{
    [Fact]
    public void The_synthesizer_is_a_section_led_by_its_switch_with_the_model_and_key_under_it()
    {
        var form = RenderForm("planner");

        var section = FieldOf(form, "synthesizer");
        section.QuerySelector("button.zygo-config-section-toggle")!.TextContent.Should().Contain("Synthesizer");
        var paths = section.QuerySelectorAll("[data-fields]").SelectMany(f => f.GetAttribute("data-fields")!.Split(' ')).ToList();
        paths.Should().StartWith("synthesizer.enabled").And.Contain(["synthesizer.provider", "synthesizer.model", "synthesizer.apiKey"]);
        FieldOf(form, "synthesizer.enabled").QuerySelector("input[type=checkbox]")!.GetAttribute("aria-checked").Should().Be("false");

        Act(form, () => FieldOf(form, "synthesizer.enabled").QuerySelector("input[type=checkbox]")!.Change(true));

        form.WaitForAssertion(() => Published.Should().NotBeEmpty());
        Published.Last()["synthesizer"]!["enabled"]!.GetValue<bool>().Should().BeTrue();
    }

    [Theory]
    [InlineData("minConfidence", "70")]
    [InlineData("trustLlmThreshold", "80")]
    public void The_confidence_thresholds_are_numbers_from_0_to_100(string field, string value)
    {
        var form = RenderForm("planner");

        var input = (IHtmlInputElement)form.Find($"#cfg-{field}");
        input.Value.Should().Be(value);
        input.GetAttribute("min").Should().Be("0");
        input.GetAttribute("max").Should().Be("100");
    }
}
