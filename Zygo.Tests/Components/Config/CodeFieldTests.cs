using System.Text.Json.Nodes;
using Bunit;
using Zygo.Web.Components.Editor.Config;

namespace Zygo.Tests.Components.Config;

/// <summary>
/// The code field once its browser editor has started (the editor itself runs in the browser tests): the label and
/// help move beside the editor, the text area goes, and text travels both ways through the component.
/// </summary>
public sealed class CodeFieldTests : ConfigFormTestBase, IClassFixture<ConfigFormApp>
{
    public CodeFieldTests(ConfigFormApp app) : base(app) =>
        CodeEditorModule.SetupVoid("create", _ => true).SetVoidResult();

    [Fact]
    public void A_started_editor_replaces_the_text_area_and_gets_the_value_language_and_label()
    {
        var form = RenderForm("code", new JsonObject { ["language"] = "python", ["code"] = "print(1)" });

        form.WaitForAssertion(() => FieldOf(form, "code").QuerySelector("[data-enhanced='true']").Should().NotBeNull());
        form.FindAll("#cfg-code").Should().BeEmpty();
        form.Find("#cfg-code-label").TextContent.Should().Be("Code");
        var options = CodeEditorModule.Invocations["create"].Single().Arguments[2]!;
        JsonSerializerRoundTrip(options).Should().Contain("\"value\":\"print(1)\"").And.Contain("\"language\":\"python\"")
            .And.Contain("\"labelledBy\":\"cfg-code-label\"").And.Contain("\"readOnly\":false");
    }

    [Fact]
    public void Text_typed_in_the_editor_is_published_and_a_new_language_reaches_the_editor()
    {
        var form = RenderForm("code", new JsonObject { ["language"] = "javascript", ["code"] = "return 1;" });
        form.WaitForAssertion(() => FieldOf(form, "code").QuerySelector("[data-enhanced='true']").Should().NotBeNull());

        Act(form, () => form.FindComponent<CodeField>().Instance.OnTextChangedJs("return 2;").GetAwaiter().GetResult());
        Published.Last()["code"]!.GetValue<string>().Should().Be("return 2;");
        Calls("setValue").Should().BeEmpty("the editor already shows what it sent");

        Choose(form, "cfg-language", "Python");
        form.WaitForAssertion(() => Calls("setLanguage").Should().ContainSingle().Which.Arguments[1].Should().Be("python"));
    }

    [Fact]
    public void A_json_object_field_uses_the_editor_with_json_highlighting()
    {
        var form = RenderForm("rag_context");

        form.WaitForAssertion(() => FieldOf(form, "filters").QuerySelector("[data-language='json'][data-enhanced='true']").Should().NotBeNull());
    }

    private static string JsonSerializerRoundTrip(object value) => System.Text.Json.JsonSerializer.Serialize(value);

    private IReadOnlyList<JSRuntimeInvocation> Calls(string identifier) =>
        CodeEditorModule.Invocations.Where(i => i.Identifier == identifier).ToList();
}
