using System.Text.Json.Nodes;
using Bunit;

namespace Zygo.Tests.Components.Config;

/// <summary>The editors that replace the generic form: HTTP authentication, memory filters, lists of choices and texts.</summary>
public sealed class CustomEditorTests(ConfigFormApp app) : ConfigFormTestBase(app), IClassFixture<ConfigFormApp>
{
    [Fact]
    public void Http_authentication_shows_the_fields_of_its_type_and_drops_the_old_secrets_when_it_changes()
    {
        var form = RenderForm("http_api", new JsonObject
        {
            ["authentication"] = new JsonObject { ["type"] = "basic", ["username"] = "ada", ["password"] = "{{CRM_PASSWORD}}" },
        });
        form.FindAll("[data-fields~='authentication.username']").Should().ContainSingle();
        form.FindAll("[data-fields~='authentication.token']").Should().BeEmpty();

        Choose(form, "cfg-authentication-type", "Bearer");

        form.WaitForAssertion(() => Published.Should().ContainSingle());
        Published[0]["authentication"]!.ToJsonString().Should().Be("""{"type":"bearer"}""");
        form.FindAll("[data-fields~='authentication.token']").Should().ContainSingle();
        form.FindAll("[data-fields~='authentication.username']").Should().BeEmpty();
    }

    [Fact]
    public void Memory_filters_commit_chosen_kinds_and_a_date_range_that_empties_away()
    {
        var form = RenderForm("memory_search");

        Choose(form, "cfg-filters-memoryTypes", "Episodic");
        form.WaitForAssertion(() => Published.Should().NotBeEmpty());
        Published.Last()["filters"]!["memoryTypes"]!.ToJsonString().Should().Be("""["episodic"]""");

        Act(form, () => form.Find("#cfg-filters-from").Change("2026-01-01"));
        Published.Last()["filters"]!["dateRange"]!.ToJsonString().Should().Be("""{"start":"2026-01-01","end":""}""");

        Act(form, () => form.Find("#cfg-filters-from").Change(""));
        Published.Last()["filters"]!.AsObject().ContainsKey("dateRange").Should().BeFalse();
        Published.Last()["filters"]!["memoryTypes"]!.ToJsonString().Should().Be("""["episodic"]""");
    }

    [Fact]
    public void A_list_of_texts_adds_with_enter_and_removes_with_its_chip()
    {
        var form = RenderForm("code");

        Act(form, () => form.Find("#cfg-inputVariables").Input("total"));
        Act(form, () => form.Find("#cfg-inputVariables").KeyDown("Enter"));
        Act(form, () => form.Find("#cfg-inputVariables").Input("items"));
        Act(form, () => form.Find("[aria-label='Add to Input variables']").Click());

        form.WaitForAssertion(() => Published.Last()["inputVariables"]!.ToJsonString().Should().Be("""["total","items"]"""));

        Act(form, () => FieldOf(form, "inputVariables").QuerySelectorAll(".mud-chip button")[0].Click());

        form.WaitForAssertion(() => Published.Last()["inputVariables"]!.ToJsonString().Should().Be("""["items"]"""));
    }

    [Fact]
    public void The_code_field_is_monospace_and_follows_the_language()
    {
        var form = RenderForm("code", new JsonObject { ["language"] = "python" });

        form.Find("#cfg-code").TagName.Should().Be("TEXTAREA");
        form.Find("#cfg-code").GetAttribute("spellcheck").Should().Be("false");
        FieldOf(form, "code").QuerySelector(".zygo-config-code").Should().NotBeNull();
        FieldOf(form, "code").InnerHtml.Should().Contain("data-language=\"python\"");
    }
}
