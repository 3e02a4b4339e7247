using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zygo.Data.Entities;
using Zygo.Web.ApiKeys;
using Zygo.Tests.Infrastructure;
using static Zygo.Tests.Api.ApiTestHelpers;

namespace Zygo.Tests.Api;

/// <summary>
/// Every kind of bad request gets a ProblemDetails with the right status and a message a person can act on, and
/// leaves the server answering. Runs on Kestrel so real HTTP limits (the body size) apply.
/// </summary>
public sealed class BadInputTests(BadInputTests.Fixture fixture) : IClassFixture<BadInputTests.Fixture>
{
    private readonly ZygoAppFactory _app = fixture.App;
    private readonly Guid _tenant = fixture.Tenant;
    private readonly HttpClient _developer = fixture.Developer;
    private readonly HttpClient _owner = fixture.Owner;

    public sealed class Fixture() : AppFixture(useKestrel: true)
    {
        public Guid Tenant { get; private set; }
        public HttpClient Developer { get; private set; } = null!;
        public HttpClient Owner { get; private set; } = null!;

        public override async Task InitializeAsync()
        {
            Tenant = await App.CreateTenantAsync("Bad Input");
            Developer = Keep(await App.KestrelClientForRoleAsync(Tenant, TenantRole.Developer));
            Owner = Keep(await App.KestrelClientForRoleAsync(Tenant, TenantRole.Owner));
        }
    }

    [Fact]
    public async Task Malformed_json_is_400_and_says_json()
    {
        var response = await _developer.PostAsync(Workflows, RawJson("""{"name": "x", """));

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "JSON");
        await ServerStillAnswersAsync();
    }

    [Fact]
    public async Task Known_field_with_the_wrong_type_is_400_and_names_the_field()
    {
        var response = await _developer.PostAsync(Workflows, RawJson("""{"name": 123}"""));

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "JSON", "name");
        await ServerStillAnswersAsync();
    }

    [Fact]
    public async Task Unknown_field_is_400_and_names_the_field()
    {
        var response = await _developer.PostAsync(Workflows, RawJson("""{"name": "x", "colour": "red"}"""));

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "colour");
        (await NamesInTenantAsync()).Should().NotContain("x", "a refused request must not create anything");
        await ServerStillAnswersAsync();
    }

    [Fact]
    public async Task Unknown_field_on_patch_is_400_and_names_the_field()
    {
        var workflow = await _developer.CreateWorkflowAsync();

        var response = await _developer.PatchAsync($"{Workflows}/{workflow.Id()}", RawJson("""{"colour": "red"}"""));

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "colour");
        await ServerStillAnswersAsync();
    }

    [Fact]
    public async Task Nodes_as_an_object_is_a_400_validation_problem_on_nodes()
    {
        var response = await _developer.PostAsync(Workflows, RawJson("""{"name": "Object nodes", "nodes": {"id": "a"}}"""));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "nodes", "array");
        problem.ErrorsFor("nodes").Should().ContainSingle().Which.Should().Contain("array");
        await ServerStillAnswersAsync();
    }

    [Fact]
    public async Task Nodes_holding_a_non_object_is_a_400_validation_problem_on_nodes()
    {
        var response = await _developer.PostAsync(Workflows, RawJson("""{"name": "Number nodes", "nodes": [{"id": "a"}, 5]}"""));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "nodes[1]", "object");
        problem.ErrorsFor("nodes").Should().NotBeEmpty();
        await ServerStillAnswersAsync();
    }

    [Fact]
    public async Task Invalid_status_on_patch_is_400_and_names_the_field()
    {
        var workflow = await _developer.CreateWorkflowAsync();

        var response = await _developer.PatchAsync($"{Workflows}/{workflow.Id()}", RawJson("""{"status": "bogus"}"""));

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "status");
        (await _developer.GetWorkflowAsync(workflow.Id())).Str("status").Should().Be("draft");
        await ServerStillAnswersAsync();
    }

    [Fact]
    public async Task Numeric_status_on_patch_is_400()
    {
        var workflow = await _developer.CreateWorkflowAsync();

        var response = await _developer.PatchAsync($"{Workflows}/{workflow.Id()}", RawJson("""{"status": 1}"""));

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "status");
        await ServerStillAnswersAsync();
    }

    [Fact]
    public async Task Ten_megabyte_body_is_413()
    {
        // Expect: 100-continue, as curl sends for large bodies, lets the server refuse before the body is sent;
        // without it the client may still be writing when the server closes the connection after its 413 and
        // sees a broken pipe instead of the answer.
        using var request = new HttpRequestMessage(HttpMethod.Post, Workflows)
        {
            Content = Json(new { name = "Huge", description = new string('a', 10 * 1024 * 1024) }),
        };
        request.Headers.ExpectContinue = true;

        var response = await _developer.SendAsync(request);

        await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge, "too large", "MaxRequestBodyBytes");
        (await NamesInTenantAsync()).Should().NotContain("Huge");
        await ServerStillAnswersAsync();
    }

    [Fact]
    public async Task Duplicate_explicit_slug_on_create_is_409_and_names_the_slug()
    {
        var slug = "taken-" + UniqueSuffix();
        await _developer.CreateWorkflowAsync(slug: slug);

        var response = await _developer.PostAsync(Workflows, Json(new { name = "Another", slug }));

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, slug, "already exists");
        await ServerStillAnswersAsync();
    }

    [Fact]
    public async Task Duplicate_explicit_slug_on_patch_is_409_and_leaves_the_workflow_alone()
    {
        var slug = "taken-" + UniqueSuffix();
        await _developer.CreateWorkflowAsync(slug: slug);
        var other = await _developer.CreateWorkflowAsync();

        var response = await _developer.PatchAsync($"{Workflows}/{other.Id()}", Json(new { slug }));

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, slug, "already exists");
        (await _developer.GetWorkflowAsync(other.Id())).Str("slug").Should().Be(other.Str("slug"));
        await ServerStillAnswersAsync();
    }

    [Fact]
    public async Task Invalid_explicit_slug_is_400_on_the_slug()
    {
        var response = await _developer.PostAsync(Workflows, Json(new { name = "Bad slug", slug = "Not A Slug!" }));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "slug");
        problem.ErrorsFor("slug").Should().NotBeEmpty();
        await ServerStillAnswersAsync();
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("PATCH")]
    [InlineData("DELETE")]
    [InlineData("DUPLICATE")]
    public async Task Missing_workflow_is_404(string method)
    {
        var url = $"{Workflows}/{Guid.NewGuid()}";
        var response = method switch
        {
            "GET" => await _owner.GetAsync(url),
            "PATCH" => await _owner.PatchAsync(url, Json(new { name = "Renamed" })),
            "DELETE" => await _owner.DeleteAsync(url),
            _ => await _owner.PostAsync(url + "/duplicate", null),
        };

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "workflow");
        await ServerStillAnswersAsync();
    }

    [Theory]
    [InlineData("""{"name": ""}""")]
    [InlineData("""{"name": "   "}""")]
    [InlineData("""{}""")]
    public async Task Empty_name_on_create_is_400_on_the_name(string body)
    {
        var response = await _developer.PostAsync(Workflows, RawJson(body));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "name");
        problem.ErrorsFor("name").Should().ContainSingle().Which.Should().Contain("name");
        await ServerStillAnswersAsync();
    }

    [Fact]
    public async Task Empty_name_on_patch_is_400_and_keeps_the_name()
    {
        var workflow = await _developer.CreateWorkflowAsync();

        var response = await _developer.PatchAsync($"{Workflows}/{workflow.Id()}", RawJson("""{"name": ""}"""));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "name");
        problem.ErrorsFor("name").Should().NotBeEmpty();
        (await _developer.GetWorkflowAsync(workflow.Id())).Str("name").Should().Be(workflow.Str("name"));
        await ServerStillAnswersAsync();
    }

    [Fact]
    public async Task Unauthenticated_request_is_401_problem_not_a_login_redirect()
    {
        using var anonymous = _app.KestrelClient();

        var response = await anonymous.GetAsync(Workflows);

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "sign in", "bearer");
        response.Headers.Location.Should().BeNull();
        await ServerStillAnswersAsync();
    }

    [Fact]
    public async Task Unauthenticated_write_is_401_problem()
    {
        using var anonymous = _app.KestrelClient();

        var response = await anonymous.PostAsync(Workflows, Json(new { name = "Anonymous" }));

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "sign in");
        response.Headers.Location.Should().BeNull();
        (await NamesInTenantAsync()).Should().NotContain("Anonymous");
    }

    [Fact]
    public async Task Unknown_api_key_is_401()
    {
        using var stranger = _app.KestrelClient("zygo_" + Guid.NewGuid().ToString("N"));

        var response = await stranger.GetAsync(Workflows);

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "bearer");
        response.Headers.Location.Should().BeNull();
        await ServerStillAnswersAsync();
    }

    [Fact]
    public async Task Revoked_api_key_is_401()
    {
        var userId = await _app.CreateUserAsync(_tenant, TenantRole.Owner);
        var token = await _app.CreateApiKeyAsync(userId, _tenant);
        using var client = _app.KestrelClient(token);
        (await client.GetAsync(Workflows)).StatusCode.Should().Be(HttpStatusCode.OK, "the key works before it is revoked");

        // Revoked as the user does it: the key has just been used, so it is in the authentication cache.
        using (var scope = _app.ScopeFor(userId, _tenant, TenantRole.Owner))
        {
            await using var db = _app.CreateSystemContext();
            var keyId = db.ApiKeys.IgnoreQueryFilters().Single(k => k.UserId == userId).Id;
            (await scope.ServiceProvider.GetRequiredService<ApiKeyService>().RevokeAsync(keyId)).Should().BeTrue();
        }

        var response = await client.GetAsync(Workflows);

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "bearer");
        await ServerStillAnswersAsync();
    }

    [Fact]
    public async Task Expired_api_key_is_401()
    {
        var userId = await _app.CreateUserAsync(_tenant, TenantRole.Owner);
        var token = await _app.CreateApiKeyAsync(userId, _tenant);
        await using (var db = _app.CreateSystemContext())
        {
            db.ApiKeys.IgnoreQueryFilters().Single(k => k.UserId == userId).ExpiresAt = DateTime.UtcNow.AddMinutes(-1);
            await db.SaveChangesAsync();
        }

        using var client = _app.KestrelClient(token);
        var response = await client.GetAsync(Workflows);

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Unknown_status_filter_is_400_and_lists_the_valid_ones()
    {
        var response = await _developer.GetAsync(Workflows + "?status=bogus");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "bogus", "draft", "active");
        problem.ErrorsFor("status").Should().NotBeEmpty();
        await ServerStillAnswersAsync();
    }

    [Fact]
    public async Task Numeric_status_filter_is_400()
    {
        var response = await _developer.GetAsync(Workflows + "?status=1");

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "status");
    }

    [Fact]
    public async Task Wrong_content_type_is_415_problem()
    {
        var response = await _developer.PostAsync(Workflows, new StringContent("""{"name": "x"}""", Encoding.UTF8, "text/plain"));

        await response.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType, "application/json");
        await ServerStillAnswersAsync();
    }

    [Fact]
    public async Task Malformed_variable_body_is_400_and_says_json()
    {
        var response = await _owner.PostAsync(Variables, RawJson("""{"name": "A", "value": """));

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "JSON");
        await ServerStillAnswersAsync();
    }

    [Fact]
    public async Task Unknown_variable_field_is_400_and_names_the_field()
    {
        var response = await _owner.PostAsync(Variables, RawJson("""{"name": "A_B", "value": "v", "secret": true}"""));

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "secret");
        await ServerStillAnswersAsync();
    }

    private async Task ServerStillAnswersAsync()
    {
        var response = await _developer.GetAsync(Workflows);
        response.StatusCode.Should().Be(HttpStatusCode.OK, "the server should keep answering after a bad request");
    }

    private async Task<IReadOnlyList<string>> NamesInTenantAsync()
    {
        var page = await _developer.ListWorkflowsAsync("?limit=200");
        return page.GetProperty("items").EnumerateArray().Select(i => i.Str("name")).ToList();
    }
}
