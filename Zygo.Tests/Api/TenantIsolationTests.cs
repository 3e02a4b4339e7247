using System.Net;
using Microsoft.EntityFrameworkCore;
using Zygo.Data.Entities;
using static Zygo.Tests.Api.ApiTestHelpers;

namespace Zygo.Tests.Api;

/// <summary>
/// An Owner of another tenant (so it is not about permissions) can neither see nor touch the first tenant's
/// workflows and variables; a foreign id answers 404 exactly like an id that does not exist, never 403.
/// </summary>
public sealed class TenantIsolationTests(TenantIsolationTests.Fixture fixture) : IClassFixture<TenantIsolationTests.Fixture>
{
    public sealed class Fixture() : AppFixture
    {
        public Guid TenantA { get; private set; }
        public Guid TenantB { get; private set; }
        public HttpClient OwnerA { get; private set; } = null!;
        public HttpClient OwnerB { get; private set; } = null!;

        /// <summary>B's own workflow, to show B's list works and is not just empty.</summary>
        public Guid OwnWorkflowOfB { get; private set; }

        public override async Task InitializeAsync()
        {
            TenantA = await App.CreateTenantAsync("Tenant A");
            TenantB = await App.CreateTenantAsync("Tenant B");
            OwnerA = Keep(await App.ClientForRoleAsync(TenantA, TenantRole.Owner));
            OwnerB = Keep(await App.ClientForRoleAsync(TenantB, TenantRole.Owner));
            OwnWorkflowOfB = (await OwnerB.CreateWorkflowAsync("B's own workflow")).Id();
        }
    }

    public static TheoryData<string> ForeignWorkflowEndpoints => new() { "get", "patch", "delete", "duplicate" };

    [Theory]
    [MemberData(nameof(ForeignWorkflowEndpoints))]
    public async Task Foreign_workflow_is_404_and_stays_unchanged(string endpoint)
    {
        var workflow = await fixture.OwnerA.CreateWorkflowAsync("A's secret " + UniqueSuffix(), description: "only for A",
            nodes: new[] { new { id = "start", type = "trigger" } });
        var before = await fixture.OwnerA.GetWorkflowAsync(workflow.Id());
        var totalA = await TotalAsync(fixture.OwnerA);
        var totalB = await TotalAsync(fixture.OwnerB);

        var response = await fixture.OwnerB.SendWorkflowRequestAsync(endpoint, workflow.Id());

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "workflow");
        problem.Detail.Should().NotContain(workflow.Str("name"));
        (await fixture.OwnerA.GetWorkflowAsync(workflow.Id())).ToString().Should().Be(before.ToString(),
            "B's {0} must not change A's workflow", endpoint);
        (await TotalAsync(fixture.OwnerA)).Should().Be(totalA, "nothing is added to or removed from A");
        (await TotalAsync(fixture.OwnerB)).Should().Be(totalB, "B gains no copy of A's workflow");
        (await VersionRowsOfAsync(workflow.Id())).Should().Be(1, "no version is written for A's workflow");
    }

    [Theory]
    [MemberData(nameof(ForeignWorkflowEndpoints))]
    public async Task Foreign_workflow_answers_exactly_like_a_missing_one(string endpoint)
    {
        var workflow = await fixture.OwnerA.CreateWorkflowAsync();

        var foreign = await fixture.OwnerB.SendWorkflowRequestAsync(endpoint, workflow.Id());
        var missing = await fixture.OwnerB.SendWorkflowRequestAsync(endpoint, Guid.NewGuid());

        var foreignProblem = await foreign.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var missingProblem = await missing.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        foreignProblem.Title.Should().Be(missingProblem.Title);
        foreignProblem.Detail.Should().Be(missingProblem.Detail, "the answer must not reveal that the id exists elsewhere");
    }

    [Fact]
    public async Task Foreign_workflows_are_absent_from_the_list_and_search()
    {
        var workflow = await fixture.OwnerA.CreateWorkflowAsync("Quarterly secret " + UniqueSuffix());

        var all = await fixture.OwnerB.ListWorkflowsAsync("?limit=200");
        var searched = await fixture.OwnerB.ListWorkflowsAsync("?search=quarterly");
        var seenByA = await fixture.OwnerA.ListWorkflowsAsync("?limit=200");

        all.ItemIds().Should().NotContain(workflow.Id()).And.Contain(fixture.OwnWorkflowOfB);
        all.GetProperty("items").EnumerateArray().Select(i => i.Str("name")).Should().NotContain(n => n.StartsWith("Quarterly secret"));
        searched.ItemIds().Should().BeEmpty();
        searched.GetProperty("total").GetInt32().Should().Be(0);
        seenByA.ItemIds().Should().Contain(workflow.Id()).And.NotContain(fixture.OwnWorkflowOfB);
    }

    [Fact]
    public async Task Demo_workflows_of_another_tenant_are_not_listed()
    {
        var page = await fixture.OwnerB.ListWorkflowsAsync("?limit=200");

        page.GetProperty("items").EnumerateArray().Select(i => i.Str("slug"))
            .Should().NotContain(["lead-triage", "support-assistant", "daily-metrics-digest"]);
    }

    [Fact]
    public async Task A_slug_taken_in_another_tenant_is_free_here()
    {
        var slug = "shared-" + UniqueSuffix();
        await fixture.OwnerA.CreateWorkflowAsync(slug: slug);

        // A 409 here would reveal that another tenant uses the slug.
        var mine = await fixture.OwnerB.CreateWorkflowAsync(slug: slug);
        mine.Str("slug").Should().Be(slug);

        var other = await fixture.OwnerB.CreateWorkflowAsync();
        var patched = await fixture.OwnerB.PatchAsync($"{Workflows}/{other.Id()}", Json(new { slug = slug + "-b" }));
        patched.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Foreign_variable_is_404_on_get_put_and_delete_and_stays_unchanged()
    {
        var name = "A_SECRET_" + UniqueSuffix();
        var variable = await fixture.OwnerA.CreateVariableAsync(name, "value-of-a-" + UniqueSuffix(), service: "openai");
        var url = $"{Variables}/{variable.Id()}";
        var before = await (await fixture.OwnerA.GetAsync(url)).ShouldBeJsonAsync(HttpStatusCode.OK);
        var storedBefore = await EncryptedValueAsync(variable.Id());

        var get = await fixture.OwnerB.GetAsync(url);
        var put = await fixture.OwnerB.PutAsync(url, Json(new { name = "STOLEN", value = "overwritten", service = "x" }));
        var delete = await fixture.OwnerB.DeleteAsync(url);

        foreach (var response in new[] { get, put, delete })
        {
            var problem = await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "variable");
            problem.Detail.Should().NotContain(name);
        }

        (await (await fixture.OwnerA.GetAsync(url)).ShouldBeJsonAsync(HttpStatusCode.OK)).ToString()
            .Should().Be(before.ToString());
        (await EncryptedValueAsync(variable.Id())).Should().Be(storedBefore, "B's PUT must not replace A's value");
    }

    [Fact]
    public async Task Foreign_variables_are_absent_from_the_list_and_their_names_are_free_here()
    {
        var name = "SHARED_NAME_" + UniqueSuffix();
        var ofA = await fixture.OwnerA.CreateVariableAsync(name, "a-value");

        var listB = await (await fixture.OwnerB.GetAsync(Variables)).ShouldBeJsonAsync(HttpStatusCode.OK);
        listB.EnumerateArray().Select(v => v.Id()).Should().NotContain(ofA.Id());
        listB.EnumerateArray().Select(v => v.Str("name")).Should().NotContain(name);

        // A 409 here would reveal that another tenant uses the name.
        var ofB = await fixture.OwnerB.CreateVariableAsync(name, "b-value");
        ofB.Id().Should().NotBe(ofA.Id());
        var listA = await (await fixture.OwnerA.GetAsync(Variables)).ShouldBeJsonAsync(HttpStatusCode.OK);
        listA.EnumerateArray().Select(v => v.Id()).Should().Contain(ofA.Id()).And.NotContain(ofB.Id());
    }

    private static async Task<int> TotalAsync(HttpClient client) =>
        (await client.ListWorkflowsAsync()).GetProperty("total").GetInt32();

    private async Task<int> VersionRowsOfAsync(Guid workflowId)
    {
        await using var db = fixture.App.CreateSystemContext();
        return await db.WorkflowVersions.IgnoreQueryFilters().CountAsync(v => v.WorkflowId == workflowId);
    }

    private async Task<string> EncryptedValueAsync(Guid variableId)
    {
        await using var db = fixture.App.CreateSystemContext();
        return await db.EnvironmentVariables.IgnoreQueryFilters()
            .Where(v => v.Id == variableId).Select(v => v.EncryptedValue).SingleAsync();
    }
}
