using System.Text.Json;
using System.Text.Json.Nodes;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Zygo.Engine;
using Zygo.Engine.Nodes;
using Zygo.Engine.Nodes.Schema;
using Zygo.Web.Editor.Config;

namespace Zygo.Tests.Components.Config;

/// <summary>
/// The form of every registered node type (the registry is iterated, so a new type is covered without a new test):
/// it renders, has an input for each top-level property of the type's schema, and shows the defaults.
/// </summary>
public sealed class EveryNodeTypeTests(ConfigFormApp app) : ConfigFormTestBase(app), IClassFixture<ConfigFormApp>
{
    public static TheoryData<string> NodeTypes()
    {
        using var services = new ServiceCollection().AddZygoEngine().BuildServiceProvider();
        var data = new TheoryData<string>();
        foreach (var type in services.GetRequiredService<NodeTypeRegistry>().All.OrderBy(t => t.Id))
        {
            data.Add(type.Id);
        }

        return data;
    }

    [Fact]
    public void The_registry_has_the_twenty_node_types_of_the_spec() => NodeTypes().Should().HaveCount(20);

    [Theory]
    [MemberData(nameof(NodeTypes))]
    public void Renders_an_input_for_every_top_level_property_with_its_default(string nodeType)
    {
        var type = Services.GetRequiredService<NodeTypeRegistry>().Find(nodeType)!;
        var schema = NodeTypeSchemas.For(type);

        var form = RenderForm(nodeType);

        form.Find("h2").TextContent.Should().Be(type.Label);
        form.Find("[data-testid=node-docs-link]").GetAttribute("href").Should().Be($"/documentation/advanced-configuration#node-{nodeType}");
        foreach (var property in schema.Schema.GetProperty("properties").EnumerateObject())
        {
            var field = FieldOf(form, property.Name);
            field.QuerySelectorAll("input, textarea, button").Should().NotBeEmpty($"{nodeType}.{property.Name} needs an input");
            if (schema.Defaults.TryGetProperty(property.Name, out var defaultValue))
            {
                ShowsDefault(field, defaultValue, $"{nodeType}.{property.Name}");
            }
        }
    }

    [Fact]
    public void A_node_of_an_unknown_type_says_so_instead_of_failing()
    {
        var form = RenderForm("retired_type", new JsonObject { ["anything"] = 1 });

        form.Find("[data-testid=unknown-node-type]").TextContent.Should().Contain("'retired_type'");
        form.FindAll("[data-fields]").Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(NodeTypes))]
    public void Every_input_has_a_label(string nodeType)
    {
        var form = RenderForm(nodeType);

        var inputs = form.FindAll("input:not([type=hidden]), textarea, [role=combobox]");
        inputs.Should().NotBeEmpty();
        foreach (var input in inputs)
        {
            var named = input.HasAttribute("aria-label") || input.HasAttribute("aria-labelledby") || input.Closest("label") is not null
                || (input.Id is { Length: > 0 } id && form.FindAll($"label[for='{id}']").Count > 0);
            named.Should().BeTrue($"{nodeType}: {input.OuterHtml[..Math.Min(160, input.OuterHtml.Length)]} needs a label");
        }
    }

    /// <summary>A scalar default is the value of one of the field's inputs (a choice by its label, a secret variable by name).</summary>
    private static void ShowsDefault(IElement field, JsonElement value, string because)
    {
        var inputs = field.QuerySelectorAll("input, textarea").ToList();
        switch (value.ValueKind)
        {
            case JsonValueKind.True or JsonValueKind.False:
                inputs.OfType<IHtmlInputElement>().Where(i => i.Type == "checkbox").Select(i => i.IsChecked)
                    .Should().Contain(value.GetBoolean(), because);
                break;
            case JsonValueKind.Number:
                inputs.Select(Value).Should().Contain(value.GetRawText(), because);
                break;
            case JsonValueKind.String:
                var text = value.GetString()!;
                inputs.Select(Value).Should().Contain(v => v == text || v == FieldLabels.Humanize(text) || v == VariableReference.NameIn(text), because);
                break;
        }
    }

    private static string Value(IElement input) => input is IHtmlTextAreaElement area ? area.Value : input.GetAttribute("value") ?? "";
}
