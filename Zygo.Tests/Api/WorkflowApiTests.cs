using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Zygo.Data.Entities;
using Zygo.Tests.Infrastructure;
using static Zygo.Tests.Api.ApiTestHelpers;

namespace Zygo.Tests.Api;

/// <summary>The workflow API's happy paths, the OpenAPI document, and signing in with the cookie.</summary>
public sealed partial class WorkflowApiTests(WorkflowApiTests.Fixture fixture) : IClassFixture<WorkflowApiTests.Fixture>
{
    private static readonly string[] DemoSlugs = ["daily-metrics-digest", "lead-triage", "support-assistant"];

    public sealed class Fixture() : AppFixture
    {
        public Guid Tenant { get; private set; }
        public HttpClient Developer { get; private set; } = null!;

        public override async Task InitializeAsync()
        {
            Tenant = await App.CreateTenantAsync("Workflow API");
            Developer = Keep(await App.ClientForRoleAsync(Tenant, TenantRole.Developer));
        }
    }

    private ZygoAppFactory App => fixture.App;

    private HttpClient Client => fixture.Developer;

    [Fact]
    public async Task Create_with_nodes_and_edges_is_201_with_location_and_body()
    {
        var nodes = new object[]
        {
            new { id = "trigger", type = "trigger", label = "Start", position = new { x = 10, y = 20 } },
            new { id = "llm", type = "llm", config = new { prompt = "Hi {{input.name}}" } },
        };
        var edges = new[] { new { id = "e1", source = "trigger", target = "llm" } };

        var response = await Client.PostAsync(Workflows, Json(new { name = "  Invoice Parser  ", description = "Reads invoices", nodes, edges }));

        var body = await response.ShouldBeJsonAsync(HttpStatusCode.Created);
        var id = body.Id();
        response.Headers.Location.Should().NotBeNull();
        response.Headers.Location!.OriginalString.Should().Be($"/api/v1/workflows/{id}");
        body.Str("name").Should().Be("Invoice Parser", "the name is trimmed");
        body.Str("description").Should().Be("Reads invoices");
        body.Str("slug").Should().StartWith("invoice-parser");
        body.Str("status").Should().Be("draft");
        body.GetProperty("version").GetInt32().Should().Be(1);
        JsonElement.DeepEquals(body.GetProperty("nodes"), JsonSerializer.SerializeToElement(nodes)).Should().BeTrue(body.GetProperty("nodes").ToString());
        JsonElement.DeepEquals(body.GetProperty("edges"), JsonSerializer.SerializeToElement(edges)).Should().BeTrue(body.GetProperty("edges").ToString());

        var fetched = await (await Client.GetAsync(response.Headers.Location)).ShouldBeJsonAsync(HttpStatusCode.OK);
        fetched.ToString().Should().Be(body.ToString());
        (await VersionsAsync(id)).Should().ContainSingle().Which.Version.Should().Be(1);
    }

    [Fact]
    public async Task Create_without_a_graph_stores_empty_arrays()
    {
        var body = await Client.CreateWorkflowAsync();

        body.GetProperty("nodes").GetArrayLength().Should().Be(0);
        body.GetProperty("edges").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task List_search_matches_name_and_description_case_insensitively()
    {
        using var client = await NewTenantClientAsync();
        var byName = await client.CreateWorkflowAsync("Invoice Parser");
        var byDescription = await client.CreateWorkflowAsync("Mailbox reader", description: "Pulls INVOICES out of the mailbox");
        var neither = await client.CreateWorkflowAsync("Lead triage", description: "Rates leads");

        var upper = await client.ListWorkflowsAsync("?search=INVOICE");
        var lower = await client.ListWorkflowsAsync("?search=invoice");
        var descriptionOnly = await client.ListWorkflowsAsync("?search=mailbox%20reader");

        upper.ItemIds().Should().BeEquivalentTo([byName.Id(), byDescription.Id()]);
        upper.GetProperty("total").GetInt32().Should().Be(2);
        lower.ItemIds().Should().BeEquivalentTo([byName.Id(), byDescription.Id()]);
        lower.ItemIds().Should().NotContain(neither.Id());
        descriptionOnly.ItemIds().Should().Equal(byDescription.Id());
    }

    [Fact]
    public async Task List_search_treats_like_wildcards_literally()
    {
        using var client = await NewTenantClientAsync();
        var percent = await client.CreateWorkflowAsync("Grow 100% faster");
        await client.CreateWorkflowAsync("Plain");
        await client.CreateWorkflowAsync("Snake_case");

        (await client.ListWorkflowsAsync("?search=%25")).ItemIds().Should().Equal(percent.Id());
        (await client.ListWorkflowsAsync("?search=_")).GetProperty("total").GetInt32().Should().Be(1);
    }

    [Fact]
    public async Task List_filters_by_status()
    {
        using var client = await NewTenantClientAsync();
        var draft = await client.CreateWorkflowAsync("Still a draft");
        var active = await client.CreateWorkflowAsync("Running one");
        var paused = await client.CreateWorkflowAsync("Paused one");
        (await client.PatchAsync($"{Workflows}/{active.Id()}", Json(new { status = "active" }))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.PatchAsync($"{Workflows}/{paused.Id()}", Json(new { status = "paused" }))).StatusCode.Should().Be(HttpStatusCode.OK);

        (await client.ListWorkflowsAsync("?status=active")).ItemIds().Should().Equal(active.Id());
        (await client.ListWorkflowsAsync("?status=PAUSED")).ItemIds().Should().Equal(paused.Id());
        (await client.ListWorkflowsAsync("?status=draft")).ItemIds().Should().Equal(draft.Id());
        (await client.ListWorkflowsAsync("?status=archived")).GetProperty("total").GetInt32().Should().Be(0);
        (await client.ListWorkflowsAsync("?status=active&search=running")).ItemIds().Should().Equal(active.Id());
        (await client.ListWorkflowsAsync("?status=active&search=paused")).ItemIds().Should().BeEmpty();
    }

    [Fact]
    public async Task List_pages_with_limit_offset_and_total()
    {
        using var client = await NewTenantClientAsync();
        var created = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            created.Add((await client.CreateWorkflowAsync($"Paged {i}")).Id());
        }

        var first = await client.ListWorkflowsAsync("?limit=2&offset=0");
        var second = await client.ListWorkflowsAsync("?limit=2&offset=2");
        var third = await client.ListWorkflowsAsync("?limit=2&offset=4");
        var beyond = await client.ListWorkflowsAsync("?limit=2&offset=10");

        foreach (var page in new[] { first, second, third, beyond })
        {
            page.GetProperty("total").GetInt32().Should().Be(5);
            page.GetProperty("limit").GetInt32().Should().Be(2);
        }

        first.GetProperty("offset").GetInt32().Should().Be(0);
        second.GetProperty("offset").GetInt32().Should().Be(2);
        first.ItemIds().Should().HaveCount(2);
        second.ItemIds().Should().HaveCount(2);
        third.ItemIds().Should().HaveCount(1);
        beyond.ItemIds().Should().BeEmpty();
        first.ItemIds().Concat(second.ItemIds()).Concat(third.ItemIds()).Should().BeEquivalentTo(created,
            "the pages together hold every workflow exactly once");
    }

    [Fact]
    public async Task List_without_paging_uses_the_default_page()
    {
        using var client = await NewTenantClientAsync();
        await client.CreateWorkflowAsync();

        var page = await client.ListWorkflowsAsync();

        page.GetProperty("limit").GetInt32().Should().Be(25);
        page.GetProperty("offset").GetInt32().Should().Be(0);
        page.GetProperty("total").GetInt32().Should().Be(1);
    }

    [Fact]
    public async Task Patch_rename_keeps_the_slug_and_the_version()
    {
        var workflow = await Client.CreateWorkflowAsync("Original name " + UniqueSuffix());

        var response = await Client.PatchAsync($"{Workflows}/{workflow.Id()}", Json(new { name = "New name" }));

        var body = await response.ShouldBeJsonAsync(HttpStatusCode.OK);
        body.Str("name").Should().Be("New name");
        body.Str("slug").Should().Be(workflow.Str("slug"));
        body.GetProperty("version").GetInt32().Should().Be(1, "a rename is not a new version of the graph");
        (await Client.GetWorkflowAsync(workflow.Id())).Str("name").Should().Be("New name");
        (await VersionsAsync(workflow.Id())).Should().HaveCount(1);
    }

    [Fact]
    public async Task Patch_explicit_slug_changes_it()
    {
        var workflow = await Client.CreateWorkflowAsync();
        var slug = "renamed-" + UniqueSuffix();

        var body = await (await Client.PatchAsync($"{Workflows}/{workflow.Id()}", Json(new { slug }))).ShouldBeJsonAsync(HttpStatusCode.OK);

        body.Str("slug").Should().Be(slug);
    }

    [Fact]
    public async Task Patch_nodes_bumps_the_version_and_writes_a_version_row()
    {
        var workflow = await Client.CreateWorkflowAsync(nodes: new[] { new { id = "a", type = "trigger" } });
        var nodes = new[] { new { id = "a", type = "trigger" }, new { id = "b", type = "llm" } };

        var response = await Client.PatchAsync($"{Workflows}/{workflow.Id()}", Json(new { nodes, changeNote = "Added the LLM" }));

        var body = await response.ShouldBeJsonAsync(HttpStatusCode.OK);
        body.GetProperty("version").GetInt32().Should().Be(2);
        body.GetProperty("nodes").GetArrayLength().Should().Be(2);
        var versions = await VersionsAsync(workflow.Id());
        versions.Select(v => v.Version).Should().Equal(1, 2);
        var latest = versions[^1];
        latest.ChangeNote.Should().Be("Added the LLM");
        JsonElement.DeepEquals(JsonDocument.Parse(latest.Nodes).RootElement, JsonSerializer.SerializeToElement(nodes)).Should().BeTrue(latest.Nodes);
        latest.TenantId.Should().Be(fixture.Tenant);

        // The same graph again is not a new version.
        var again = await (await Client.PatchAsync($"{Workflows}/{workflow.Id()}", Json(new { nodes }))).ShouldBeJsonAsync(HttpStatusCode.OK);
        again.GetProperty("version").GetInt32().Should().Be(2);
        (await VersionsAsync(workflow.Id())).Should().HaveCount(2);
    }

    [Fact]
    public async Task Patch_status_changes_it()
    {
        var workflow = await Client.CreateWorkflowAsync();

        var body = await (await Client.PatchAsync($"{Workflows}/{workflow.Id()}", Json(new { status = "archived" }))).ShouldBeJsonAsync(HttpStatusCode.OK);

        body.Str("status").Should().Be("archived");
        (await Client.GetWorkflowAsync(workflow.Id())).Str("status").Should().Be("archived");
    }

    [Fact]
    public async Task Duplicate_gives_a_copy_with_a_fresh_slug()
    {
        var nodes = new[] { new { id = "a", type = "trigger" } };
        var source = await Client.CreateWorkflowAsync("Weekly report " + UniqueSuffix(), description: "Sends the report", nodes: nodes);

        var response = await Client.PostAsync($"{Workflows}/{source.Id()}/duplicate", null);

        var copy = await response.ShouldBeJsonAsync(HttpStatusCode.Created);
        response.Headers.Location!.OriginalString.Should().Be($"/api/v1/workflows/{copy.Id()}");
        copy.Id().Should().NotBe(source.Id());
        copy.Str("name").Should().Be(source.Str("name") + " (copy)");
        copy.Str("slug").Should().NotBe(source.Str("slug")).And.Be(source.Str("slug") + "-copy");
        copy.Str("description").Should().Be("Sends the report");
        copy.GetProperty("version").GetInt32().Should().Be(1);
        JsonElement.DeepEquals(copy.GetProperty("nodes"), source.GetProperty("nodes")).Should().BeTrue();
        (await Client.GetWorkflowAsync(source.Id())).Str("name").Should().Be(source.Str("name"), "the source is untouched");

        var second = await (await Client.PostAsync($"{Workflows}/{source.Id()}/duplicate", null)).ShouldBeJsonAsync(HttpStatusCode.Created);
        second.Str("slug").Should().Be(source.Str("slug") + "-copy-2");
    }

    [Fact]
    public async Task Delete_is_204_and_then_get_is_404()
    {
        var workflow = await Client.CreateWorkflowAsync();
        using var admin = await App.ClientForRoleAsync(fixture.Tenant, TenantRole.Admin);

        var response = await admin.DeleteAsync($"{Workflows}/{workflow.Id()}");

        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
        await (await Client.GetAsync($"{Workflows}/{workflow.Id()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "workflow");
        (await Client.ListWorkflowsAsync("?limit=200")).ItemIds().Should().NotContain(workflow.Id());
        await (await admin.DeleteAsync($"{Workflows}/{workflow.Id()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Same_name_gets_a_suffixed_slug()
    {
        var name = "Daily Sync " + UniqueSuffix();

        var first = await Client.CreateWorkflowAsync(name);
        var second = await Client.CreateWorkflowAsync(name);
        var third = await Client.CreateWorkflowAsync(name.ToUpperInvariant());

        var baseSlug = first.Str("slug");
        baseSlug.Should().MatchRegex("^daily-sync-[0-9a-f]{10}$");
        second.Str("slug").Should().Be(baseSlug + "-2");
        third.Str("slug").Should().Be(baseSlug + "-3");
    }

    [Fact]
    public async Task OpenApi_document_is_served_and_lists_the_workflow_routes()
    {
        using var anonymous = App.CreateClient();

        var response = await anonymous.GetAsync("/api/openapi/v1.json");

        var doc = await response.ShouldBeJsonAsync(HttpStatusCode.OK);
        doc.GetProperty("openapi").GetString().Should().StartWith("3.");
        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        paths.Should().Contain("/api/v1/workflows");
        paths.Should().Contain("/api/v1/workflows/{id}");
        paths.Should().Contain("/api/v1/workflows/{id}/duplicate");
        paths.Should().Contain("/api/v1/variables");
        var workflows = doc.GetProperty("paths").GetProperty("/api/v1/workflows");
        workflows.TryGetProperty("get", out _).Should().BeTrue();
        workflows.TryGetProperty("post", out _).Should().BeTrue();
    }

    [Fact]
    public async Task Cookie_sign_in_gives_access_to_the_api()
    {
        using var browser = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var token = await AntiforgeryTokenAsync(browser);

        var login = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = ZygoAppFactory.OwnerEmail,
            ["Password"] = ZygoAppFactory.OwnerPassword,
            ["__RequestVerificationToken"] = token,
        }));

        login.StatusCode.Should().Be(HttpStatusCode.Redirect, await login.Content.ReadAsStringAsync());
        login.Headers.Location!.OriginalString.Should().Be("/");
        login.Headers.TryGetValues("Set-Cookie", out var cookies).Should().BeTrue();
        cookies!.Should().Contain(c => c.StartsWith("zygo.auth="));

        var list = await browser.ListWorkflowsAsync();
        list.GetProperty("items").EnumerateArray().Select(i => i.Str("slug")).Should().BeEquivalentTo(DemoSlugs);
        list.GetProperty("total").GetInt32().Should().Be(3);
    }

    [Fact]
    public async Task Wrong_password_redirects_back_to_the_login_page()
    {
        var email = $"wrong-password-{UniqueSuffix()}@zygo.test";
        await App.CreateUserAsync(await App.DemoTenantIdAsync(), TenantRole.Viewer, email);
        using var browser = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var token = await AntiforgeryTokenAsync(browser);

        var login = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = "not-the-password",
            ["__RequestVerificationToken"] = token,
        }));

        login.StatusCode.Should().Be(HttpStatusCode.Redirect);
        login.Headers.Location!.OriginalString.Should().StartWith("/account/login?error=invalid");
        login.Headers.TryGetValues("Set-Cookie", out var cookies);
        (cookies ?? []).Should().NotContain(c => c.StartsWith("zygo.auth="));
        await (await browser.GetAsync(Workflows)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Sign_in_without_the_antiforgery_token_is_refused()
    {
        using var browser = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await AntiforgeryTokenAsync(browser);

        var login = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = ZygoAppFactory.OwnerEmail,
            ["Password"] = ZygoAppFactory.OwnerPassword,
        }));

        login.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        login.Headers.TryGetValues("Set-Cookie", out var cookies);
        (cookies ?? []).Should().NotContain(c => c.StartsWith("zygo.auth="));
        await (await browser.GetAsync(Workflows)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    /// <summary>Loads the sign-in page (which sets the antiforgery cookie) and returns the form's token.</summary>
    private static async Task<string> AntiforgeryTokenAsync(HttpClient browser)
    {
        var page = await browser.GetAsync("/account/login");
        var html = await page.Content.ReadAsStringAsync();
        page.StatusCode.Should().Be(HttpStatusCode.OK, html);
        var match = AntiforgeryInput().Match(html);
        match.Success.Should().BeTrue("the sign-in form carries an antiforgery token: {0}", html);
        return WebUtility.HtmlDecode(match.Groups["value"].Value);
    }

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"(?<value>[^\"]+)\"")]
    private static partial Regex AntiforgeryInput();

    /// <summary>A member of a tenant of its own, for lists whose contents the test controls.</summary>
    private async Task<HttpClient> NewTenantClientAsync() =>
        await App.ClientForRoleAsync(await App.CreateTenantAsync("List " + UniqueSuffix()), TenantRole.Developer);

    private async Task<List<WorkflowVersion>> VersionsAsync(Guid workflowId)
    {
        await using var db = App.CreateSystemContext();
        return await db.WorkflowVersions.IgnoreQueryFilters().Where(v => v.WorkflowId == workflowId)
            .OrderBy(v => v.Version).ToListAsync();
    }
}
