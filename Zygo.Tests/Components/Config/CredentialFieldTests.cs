using System.Text.Json.Nodes;
using AngleSharp.Html.Dom;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zygo.Data.Entities;
using Zygo.Data.Security;
using Zygo.Web.Variables;

namespace Zygo.Tests.Components.Config;

/// <summary>
/// The credential field against the real variable service (SQLite, Data Protection): saved variables by name only,
/// masked manual entry, and "save as variable" creating an encrypted variable the field then uses.
/// </summary>
public sealed class CredentialFieldTests(ConfigFormApp app) : ConfigFormTestBase(app), IClassFixture<ConfigFormApp>
{
    private const string OpenAiSecret = "sk-live-openai-0123456789";
    private const string SmtpSecret = "smtp-password-9876543210";

    [Fact]
    public async Task The_saved_variable_picker_lists_names_with_their_service_first_and_never_a_value()
    {
        var openai = await EnsureAsync("OPENAI_KEY", OpenAiSecret, "openai");
        await EnsureAsync("MAIL_PASSWORD", SmtpSecret, "smtp");
        var form = RenderForm("llm", new JsonObject { ["provider"] = "openai" });

        Act(form, () => FieldOf(form, "apiKey").QuerySelector("input[data-testid=credential-use-variable]")!.Change(true));
        form.WaitForElement("#cfg-apiKey");
        Act(form, () => form.Find("#cfg-apiKey").Closest(".mud-input-control")!.MouseDown());

        Popovers.WaitForAssertion(() => Options().Select(o => o.TextContent.Trim()).Should().StartWith("OPENAI_KEY · openai")
            .And.Contain("MAIL_PASSWORD · smtp"));
        (form.Markup + Popovers.Markup).Should().NotContain(OpenAiSecret).And.NotContain(SmtpSecret);

        Act(form, () => Options().First(o => o.TextContent.Contains("OPENAI_KEY")).Click());

        form.WaitForAssertion(() => Published.Should().NotBeEmpty());
        Published.Last()["apiKeyVariableId"]!.GetValue<string>().Should().Be(openai.Id.ToString());
        Published.Last()["apiKey"]!.GetValue<string>().Should().BeEmpty("the engine reads the key from the variable");
    }

    [Fact]
    public void A_typed_in_key_is_masked()
    {
        var form = RenderForm("llm", new JsonObject { ["apiKey"] = "sk-typed" });

        var input = (IHtmlInputElement)form.Find("#cfg-apiKey");
        input.Type.Should().Be("password");
        input.Value.Should().Be("sk-typed");
        FieldOf(form, "apiKey").QuerySelector("input[data-testid=credential-use-variable]")!.GetAttribute("aria-checked").Should().Be("false");
    }

    [Fact]
    public async Task Save_as_variable_stores_the_typed_value_encrypted_and_switches_the_field_to_it()
    {
        const string typed = "sk-ant-typed-secret-42";
        var form = RenderForm("llm", new JsonObject { ["provider"] = "anthropic" });
        Type(form, "cfg-apiKey", typed);
        Published.Last()["apiKey"]!.GetValue<string>().Should().Be(typed);

        Act(form, () => form.Find("[data-testid=credential-save-as-variable]").Click());
        var name = (IHtmlInputElement)form.WaitForElement("#cfg-apiKey-new-name");
        name.Value.Should().Be("ANTHROPIC_API_KEY");
        Act(form, () => form.Find("[data-testid=credential-save]").Click());

        form.WaitForAssertion(() => Published.Last()["apiKeyVariableId"].Should().NotBeNull());
        var saved = (await Variables.ListAsync()).Single(v => v.Name == "ANTHROPIC_API_KEY");
        saved.Service.Should().Be("anthropic");
        Published.Last()["apiKeyVariableId"]!.GetValue<string>().Should().Be(saved.Id.ToString());
        Published.Last()["apiKey"]!.GetValue<string>().Should().BeEmpty();
        Published.Last().ToJsonString().Should().NotContain(typed, "the secret leaves the workflow once it is a variable");

        await using var db = App.App.CreateSystemContext();
        var row = await db.EnvironmentVariables.IgnoreQueryFilters().SingleAsync(v => v.Id == saved.Id);
        row.TenantId.Should().Be(App.TenantId);
        row.EncryptedValue.Should().NotContain(typed);
        Scope.GetRequiredService<ISecretProtector>().Unprotect(row.EncryptedValue).Should().Be(typed);

        form.WaitForAssertion(() => FieldOf(form, "apiKey").QuerySelector("input[data-testid=credential-use-variable]")!
            .GetAttribute("aria-checked").Should().Be("true"));
        FieldOf(form, "apiKey").QuerySelector(".mud-select-input[role=combobox]")!.TextContent.Should().StartWith("ANTHROPIC_API_KEY");
    }

    [Fact]
    public async Task Save_as_variable_shows_why_a_name_is_refused_and_keeps_the_typed_value()
    {
        await EnsureAsync("TAKEN_NAME", "whatever-value", null);
        var form = RenderForm("email");
        Act(form, () => FieldOf(form, "password").QuerySelector("input[data-testid=credential-use-variable]")!.Change(false));
        Type(form, "cfg-password", "mail-secret");

        Act(form, () => form.Find("[data-testid=credential-save-as-variable]").Click());
        form.WaitForElement("#cfg-password-new-name");
        Act(form, () => form.Find("#cfg-password-new-name").Input("TAKEN_NAME"));
        Act(form, () => form.Find("[data-testid=credential-save]").Click());

        form.WaitForAssertion(() => FieldOf(form, "password").TextContent.Should().Contain("A variable named TAKEN_NAME already exists."));
        Published.Last()["password"]!.GetValue<string>().Should().Be("mail-secret");
    }

    [Fact]
    public async Task A_secret_field_without_an_id_holds_the_reference_to_the_saved_variable()
    {
        await EnsureAsync("MAIL_PASSWORD", SmtpSecret, "smtp");
        var form = RenderForm("email");

        Choose(form, "cfg-password", "MAIL_PASSWORD · smtp");

        form.WaitForAssertion(() => Published.Last()["password"]!.GetValue<string>().Should().Be("{{MAIL_PASSWORD}}"));
    }

    [Fact]
    public void A_variable_id_that_no_longer_exists_says_so_instead_of_looking_empty()
    {
        var form = RenderForm("llm", new JsonObject { ["apiKeyVariableId"] = Guid.NewGuid().ToString() });

        form.WaitForAssertion(() => FieldOf(form, "apiKey").TextContent.Should().Contain("no longer exists"));
        FieldOf(form, "apiKey").QuerySelector("input[data-testid=credential-use-variable]")!.GetAttribute("aria-checked").Should().Be("true");
    }

    [Fact]
    public void A_reference_to_a_variable_that_does_not_exist_says_so()
    {
        var form = RenderForm("email");

        form.WaitForAssertion(() => FieldOf(form, "password").TextContent.Should().Contain("There is no variable named SMTP_PASSWORD"));
    }

    private async Task<VariableSummary> EnsureAsync(string name, string value, string? service) =>
        (await Variables.ListAsync()).FirstOrDefault(v => v.Name == name)
        ?? await Variables.CreateAsync(new VariableInput(name, value, service));
}

/// <summary>A Viewer may not see variables: the saved-variable mode is off limits and nothing can be saved.</summary>
public sealed class CredentialFieldViewerTests(ConfigFormApp app) : ConfigFormTestBase(app, TenantRole.Viewer), IClassFixture<ConfigFormApp>
{
    [Fact]
    public void A_viewer_cannot_pick_or_save_variables()
    {
        var form = RenderForm("llm", new JsonObject { ["apiKey"] = "sk-typed" });

        FieldOf(form, "apiKey").QuerySelector("input[data-testid=credential-use-variable]")!.HasAttribute("disabled").Should().BeTrue();
        form.FindAll("[data-testid=credential-save-as-variable]").Should().BeEmpty();
    }
}
