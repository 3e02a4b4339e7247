using System.Net;
using Zygo.Data.Entities;
using Zygo.Tests.Api;

namespace Zygo.Tests.Documentation;

/// <summary>/api/v1/documentation and /api/v1/public/documentation on the fixture pages.</summary>
public sealed class DocumentationApiTests(DocsApp docs) : IClassFixture<DocsApp>
{
    private const string Internal = "/api/v1/documentation";
    private const string Public = "/api/v1/public/documentation";

    private static IEnumerable<string> Slugs(System.Text.Json.JsonElement list) =>
        list.EnumerateArray().Select(p => p.Str("slug"));

    [Fact]
    public async Task Public_list_is_anonymous_and_holds_only_public_pages_in_order()
    {
        var list = await (await docs.Anonymous.GetAsync(Public)).ShouldBeJsonAsync(HttpStatusCode.OK);

        Slugs(list).Should().Equal("fixture-welcome", "fixture-pipelines", "fixture-nodes", "fixture-hostile");
        var first = list[0];
        first.Str("title").Should().Be("Welcome Fixture");
        first.Str("category").Should().Be("Getting Started");
        first.GetProperty("order").GetInt32().Should().Be(1);
        first.Str("description").Should().StartWith("A test page");
        first.GetProperty("keywords").EnumerateArray().Select(k => k.GetString()).Should().Equal("fixture", "welcome", "renderer");
        first.GetProperty("readTime").GetInt32().Should().Be(3);
        first.GetProperty("isPublic").GetBoolean().Should().BeTrue();
        first.GetProperty("lastUpdated").GetDateTime().Should().BeAfter(new DateTime(2020, 1, 1));
        first.TryGetProperty("html", out _).Should().BeFalse("lists carry no page bodies");
    }

    [Fact]
    public async Task Public_page_has_html_with_public_links_markdown_and_toc()
    {
        var page = await (await docs.Anonymous.GetAsync(Public + "/fixture-welcome")).ShouldBeJsonAsync(HttpStatusCode.OK);

        page.Str("html").Should().Contain("<h2 id=\"tables-and-lists\">").And.Contain("href=\"/docs/fixture-pipelines\"");
        page.Str("markdown").Should().Contain("## Tables and lists");
        var toc = page.GetProperty("toc")[0];
        (toc.GetProperty("level").GetInt32(), toc.Str("text"), toc.Str("id")).Should().Be((2, "Tables and lists", "tables-and-lists"));
    }

    [Theory]
    [InlineData("fixture-ops")]
    [InlineData("fixture-members")]
    [InlineData("no-such-page")]
    public async Task Public_api_answers_404_for_internal_and_missing_pages_alike(string slug)
    {
        await (await docs.Anonymous.GetAsync($"{Public}/{slug}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "documentation page", "slug");
    }

    [Theory]
    [InlineData(Internal)]
    [InlineData(Internal + "/fixture-welcome")]
    public async Task Signed_in_endpoints_answer_401_without_sign_in(string path)
    {
        await (await docs.Anonymous.GetAsync(path)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "sign in");
    }

    [Fact]
    public async Task Viewer_gets_404_for_a_developers_page_and_a_developer_gets_it()
    {
        var viewer = await docs.AsAsync(TenantRole.Viewer);
        var developer = await docs.AsAsync(TenantRole.Developer);

        await (await viewer.GetAsync(Internal + "/fixture-ops")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "documentation page");
        var page = await (await developer.GetAsync(Internal + "/fixture-ops")).ShouldBeJsonAsync(HttpStatusCode.OK);
        page.GetProperty("isPublic").GetBoolean().Should().BeFalse();
        page.Str("html").Should().Contain("quasarflux");
    }

    [Fact]
    public async Task Signed_in_lists_follow_the_role_and_link_into_the_signed_in_area()
    {
        var viewer = await (await (await docs.AsAsync(TenantRole.Viewer)).GetAsync(Internal)).ShouldBeJsonAsync(HttpStatusCode.OK);
        var admin = await (await (await docs.AsAsync(TenantRole.Admin)).GetAsync(Internal)).ShouldBeJsonAsync(HttpStatusCode.OK);

        Slugs(viewer).Should().Contain("fixture-members").And.NotContain("fixture-ops");
        Slugs(admin).Should().Contain(["fixture-members", "fixture-ops"]);
        var page = await (await (await docs.AsAsync(TenantRole.Member)).GetAsync(Internal + "/fixture-welcome")).ShouldBeJsonAsync(HttpStatusCode.OK);
        page.Str("html").Should().Contain("href=\"/documentation/fixture-pipelines\"");
    }

    [Fact]
    public async Task Unknown_slug_is_a_404_problem()
    {
        var owner = await docs.AsAsync(TenantRole.Owner);

        await (await owner.GetAsync(Internal + "/no-such-page")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "no documentation page");
    }

    [Fact]
    public async Task Lists_filter_by_category_and_search()
    {
        var developer = await docs.AsAsync(TenantRole.Developer);

        Slugs(await (await developer.GetAsync(Internal + "?category=Getting%20Started")).ShouldBeJsonAsync(HttpStatusCode.OK))
            .Should().Equal("fixture-welcome", "fixture-pipelines");
        Slugs(await (await developer.GetAsync(Internal + "?category=operations")).ShouldBeJsonAsync(HttpStatusCode.OK))
            .Should().Equal("fixture-ops");
        Slugs(await (await developer.GetAsync(Internal + "?search=pipelines")).ShouldBeJsonAsync(HttpStatusCode.OK))
            .Should().Equal("fixture-pipelines", "fixture-nodes", "fixture-welcome");
        Slugs(await (await docs.Anonymous.GetAsync(Public + "?search=quasarflux")).ShouldBeJsonAsync(HttpStatusCode.OK))
            .Should().BeEmpty();
        Slugs(await (await docs.Anonymous.GetAsync(Public + "?search=xqzvjkwpl")).ShouldBeJsonAsync(HttpStatusCode.OK))
            .Should().BeEmpty();
    }
}
