using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Zygo.Data.Entities;

namespace Zygo.Tests.Documentation;

/// <summary>The public site /docs and the signed-in area's page answers, as HTML over HTTP.</summary>
public sealed class DocsSiteTests(DocsApp docs) : IClassFixture<DocsApp>
{
    private async Task<string> GetAsync(string path, HttpStatusCode expected = HttpStatusCode.OK, HttpClient? client = null)
    {
        var response = await (client ?? docs.Anonymous).GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(expected, "the body was: {0}", html.Length > 500 ? html[..500] : html);
        return html;
    }

    [Fact]
    public async Task Home_shows_featured_pages_and_categories_without_internal_ones_and_without_a_circuit()
    {
        var html = await GetAsync("/docs");

        html.Should().Contain("<title>Zygo Documentation</title>").And.Contain("<meta name=\"description\"");
        html.Should().Contain("data-testid=\"docs-featured\"").And.Contain("Welcome Fixture");
        html.Should().Contain("href=\"/docs/category/getting-started\"").And.Contain("href=\"/docs/category/security\"");
        html.Should().NotContain("Operations Fixture").And.NotContain("/docs/category/operations")
            .And.NotContain("Members Fixture").And.NotContain("/docs/category/advanced");
        html.Should().NotContain("Blazor:{\"type\":\"server\"", "the public site is static server rendering, no circuit");
    }

    [Fact]
    public async Task Page_has_title_description_read_time_toc_body_breadcrumb_and_neighbours()
    {
        var html = await GetAsync("/docs/fixture-pipelines");

        html.Should().Contain("<title>Pipelines Fixture · Zygo Docs</title>")
            .And.Contain("<meta name=\"description\" content=\"A second public test page whose title names pipelines, for search ranking tests.\" />")
            .And.Contain("1 min read");
        html.Should().Contain("href=\"/docs/fixture-pipelines#stages-and-steps\">Stages and steps</a>", "the table of contents");
        html.Should().Contain("the only page that mentions zephyrine");
        html.Should().Contain("<a href=\"/docs/category/getting-started\">Getting Started</a>", "the breadcrumb");
        Regex.IsMatch(html, "href=\"/docs/fixture-welcome\" rel=\"prev\"").Should().BeTrue("the page before it in the ordered list");
        Regex.IsMatch(html, "href=\"/docs/fixture-nodes\" rel=\"next\"").Should().BeTrue("the next page crosses into the next category");
    }

    [Theory]
    [InlineData("/docs/no-such-page")]
    [InlineData("/docs/fixture-ops")]
    [InlineData("/docs/fixture-members")]
    [InlineData("/docs/category/no-such-category")]
    [InlineData("/docs/category/operations")]
    public async Task Missing_and_internal_pages_get_a_friendly_404_page(string path)
    {
        var response = await docs.Anonymous.GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        var html = await response.Content.ReadAsStringAsync();
        html.Should().Contain("data-testid=\"docs-not-found\"").And.Contain("Documentation home");
        html.Should().NotContain("quasarflux").And.NotContain("nebulacraft");
    }

    [Fact]
    public async Task Category_page_lists_its_public_pages_in_order()
    {
        var html = await GetAsync("/docs/category/getting-started");

        html.Should().Contain("<title>Getting Started · Zygo Docs</title>");
        html.IndexOf("Welcome Fixture", StringComparison.Ordinal).Should().BeLessThan(html.IndexOf("Pipelines Fixture", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Search_page_marks_matches_and_never_shows_internal_pages()
    {
        (await GetAsync("/docs/search?q=zephyrine")).Should().Contain("<mark>zephyrine</mark>").And.Contain("href=\"/docs/fixture-pipelines\"");
        (await GetAsync("/docs/search?q=quasarflux")).Should().Contain("data-testid=\"doc-search-empty\"").And.NotContain("Operations Fixture");
    }

    [Fact]
    public async Task Sitemap_lists_public_pages_only()
    {
        var response = await docs.Anonymous.GetAsync("/docs/sitemap.xml");
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/xml");
        var xml = XDocument.Parse(await response.Content.ReadAsStringAsync());

        var locations = xml.Descendants(XName.Get("loc", "http://www.sitemaps.org/schemas/sitemap/0.9")).Select(l => new Uri(l.Value).AbsolutePath).ToList();
        locations.Should().Contain(["/docs", "/docs/fixture-welcome", "/docs/fixture-hostile", "/docs/category/getting-started"]);
        locations.Should().NotContain(l => l.Contains("fixture-ops") || l.Contains("fixture-members"));
    }

    [Fact]
    public async Task Images_are_served_from_the_docs_images_folder()
    {
        var response = await docs.Anonymous.GetAsync("/docs-images/fixture.png");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("image/png");
    }

    [Fact]
    public async Task Hostile_page_reaches_the_browser_without_script()
    {
        var html = await GetAsync("/docs/fixture-hostile");
        var body = html[html.IndexOf("data-testid=\"doc-body\"", StringComparison.Ordinal)..];

        body.Should().NotContain("alert('block')</script>").And.NotContainEquivalentOf("href=\"javascript");
        Regex.IsMatch(body, @"<[^>]*\son\w+\s*=", RegexOptions.IgnoreCase).Should().BeFalse();
    }

    [Fact]
    public async Task Sign_in_page_links_to_the_docs()
    {
        (await GetAsync("/account/login")).Should().Contain("href=\"/docs\"");
    }

    [Theory]
    [InlineData("/documentation")]
    [InlineData("/documentation/fixture-welcome")]
    public async Task Signed_in_area_sends_anonymous_visitors_to_sign_in(string path)
    {
        var response = await docs.Anonymous.GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().Should().Contain("/account/login");
    }

    [Theory]
    [InlineData(TenantRole.Viewer, HttpStatusCode.NotFound)]
    [InlineData(TenantRole.Member, HttpStatusCode.NotFound)]
    [InlineData(TenantRole.Developer, HttpStatusCode.OK)]
    [InlineData(TenantRole.Owner, HttpStatusCode.OK)]
    public async Task Developers_pages_in_the_signed_in_area_follow_the_role(TenantRole role, HttpStatusCode expected)
    {
        var html = await GetAsync("/documentation/fixture-ops", expected, await docs.AsAsync(role));

        html.Contains("quasarflux").Should().Be(expected == HttpStatusCode.OK);
        html.Contains("data-testid=\"doc-not-found\"").Should().Be(expected == HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Signed_in_area_shows_navigation_and_the_page_with_internal_links()
    {
        var html = await GetAsync("/documentation/fixture-welcome", client: await docs.AsAsync(TenantRole.Member));

        html.Should().Contain("<title>Welcome Fixture · Documentation · Zygo</title>");
        html.Should().Contain("data-slug=\"fixture-members\"", "members pages are in the member's navigation")
            .And.NotContain("data-slug=\"fixture-ops\"");
        html.Should().Contain("href=\"/documentation/fixture-pipelines#stages-and-steps\"").And.Contain("3 min read");
    }
}
