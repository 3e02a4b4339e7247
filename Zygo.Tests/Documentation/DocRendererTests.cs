using System.Text.RegularExpressions;
using Zygo.Web.Documentation;
using Zygo.Web.Documentation.Rendering;

namespace Zygo.Tests.Documentation;

/// <summary>The Markdown renderer on the fixture pages and on small pieces of Markdown.</summary>
public sealed class DocRendererTests
{
    private static readonly LinkTargets InternalLinks = new(DocArea.Internal, "here", _ => DocAudience.Public);

    private static DocPage Welcome => FixturePages.Page("fixture-welcome");

    [Fact]
    public void Headings_get_automatic_and_explicit_anchors()
    {
        Welcome.PublicHtml.Should().Contain("<h2 id=\"tables-and-lists\">Tables and lists</h2>")
            .And.Contain("<h3 id=\"node-http_api\">Node anchors</h3>");
        Welcome.Anchors.Should().Contain(["tables-and-lists", "node-http_api", "section-five"]);
    }

    [Fact]
    public void Table_of_contents_lists_level_two_and_three_headings_in_order()
    {
        Welcome.Toc.Take(4).Should().Equal(
            new TocEntry(2, "Tables and lists", "tables-and-lists"),
            new TocEntry(2, "Admonitions", "admonitions"),
            new TocEntry(2, "Code", "code"),
            new TocEntry(3, "Node anchors", "node-http_api"));
    }

    [Fact]
    public void Pipe_tables_and_task_lists_render()
    {
        Welcome.PublicHtml.Should().Contain("<table>").And.Contain("<th>Setting</th>").And.Contain("<td><code>Zygo:DataPath</code></td>");
        Welcome.PublicHtml.Should().Contain("type=\"checkbox\" checked=\"checked\" /> Install Zygo")
            .And.MatchRegex("type=\"checkbox\" /> Build a workflow");
    }

    [Fact]
    public void Note_warning_and_tip_containers_become_admonitions()
    {
        Welcome.PublicHtml.Should().Contain("<div class=\"admonition admonition-note\" role=\"note\"><p>Notes explain.</p>")
            .And.Contain("<div class=\"admonition admonition-warning\" role=\"alert\"><p>Warnings warn.</p>")
            .And.Contain("<div class=\"admonition admonition-tip\" role=\"note\"><p>Tips help.</p>");
    }

    [Fact]
    public void Code_blocks_are_highlighted_on_the_server()
    {
        Welcome.PublicHtml.Should().Contain("<pre class=\"doc-code\" data-lang=\"json\"><code class=\"language-json\">")
            .And.Contain("<span class=\"tk-key\">&quot;retries&quot;</span>: <span class=\"tk-number\">3</span>")
            .And.Contain("<span class=\"tk-keyword\">true</span>")
            .And.Contain("<span class=\"tk-comment\"># start Zygo</span>")
            .And.Contain("<span class=\"tk-keyword\">sealed</span> <span class=\"tk-keyword\">class</span> Greeter")
            .And.Contain("<span class=\"tk-comment\">// a comment</span>");
    }

    [Theory]
    [InlineData("yaml", "retries: 3 # three\nname: 'x'", "<span class=\"tk-key\">retries:</span> <span class=\"tk-number\">3</span> <span class=\"tk-comment\"># three</span>")]
    [InlineData("http", "POST /api/v1/workflows HTTP/1.1\nContent-Type: application/json", "<span class=\"tk-keyword\">POST</span> /api/v1/workflows <span class=\"tk-keyword\">HTTP</span>")]
    [InlineData("sql", "select * from users -- all", "<span class=\"tk-keyword\">select</span> * <span class=\"tk-keyword\">from</span> users <span class=\"tk-comment\">-- all</span>")]
    [InlineData("python", "def run(x):\n    return 'ok'  # done", "<span class=\"tk-keyword\">def</span> run(x):")]
    [InlineData("javascript", "const a = `t`; /* c */", "<span class=\"tk-keyword\">const</span> a = <span class=\"tk-string\">`t`</span>; <span class=\"tk-comment\">/* c */</span>")]
    public void Every_documented_language_is_highlighted(string language, string code, string expected)
    {
        CodeHighlighter.Highlight(code, language).Should().Contain(expected);
    }

    [Fact]
    public void Unknown_languages_are_encoded_without_highlighting()
    {
        CodeHighlighter.Highlight("<b>if</b>", "cobol").Should().Be("&lt;b&gt;if&lt;/b&gt;");
    }

    [Fact]
    public void Slug_links_go_to_the_area_and_internal_pages_leave_the_public_site()
    {
        Welcome.PublicHtml.Should().Contain("<a href=\"/docs/fixture-pipelines\">")
            .And.Contain("<a href=\"/docs/fixture-pipelines#stages-and-steps\">")
            .And.Contain("<a href=\"/docs/fixture-welcome#tables-and-lists\">", "a bare #anchor would lead to the home page under <base href=\"/\">")
            .And.Contain("<a href=\"/documentation/fixture-ops\">", "a developers page is not on the public site")
            .And.Contain("<a href=\"https://example.com/docs\">");
        Welcome.InternalHtml.Should().Contain("<a href=\"/documentation/fixture-pipelines#stages-and-steps\">")
            .And.Contain("<a href=\"/documentation/fixture-welcome#tables-and-lists\">");
    }

    [Fact]
    public void Images_in_the_images_folder_are_served_from_docs_images()
    {
        Welcome.PublicHtml.Should().Contain("<img src=\"/docs-images/fixture.png\" alt=\"The workflows page\" />");
    }

    [Fact]
    public void Read_time_is_words_over_two_hundred_and_at_least_one_minute()
    {
        Welcome.ReadTimeMinutes.Should().Be(3);
        FixturePages.Page("fixture-members").ReadTimeMinutes.Should().Be(1);
        var words = string.Join(' ', Enumerable.Repeat("word", 401));
        DocRenderer.Render(words, InternalLinks).ReadTimeMinutes.Should().Be(3);
    }

    [Fact]
    public void A_hostile_page_keeps_no_script_no_event_attribute_and_no_unsafe_link()
    {
        var hostile = FixturePages.Page("fixture-hostile");
        foreach (var html in new[] { hostile.PublicHtml, hostile.InternalHtml })
        {
            html.Should().NotContainEquivalentOf("<script");
            Regex.IsMatch(html, @"<[^>]*\son\w+\s*=", RegexOptions.IgnoreCase).Should().BeFalse("no element may carry an event handler");
            Regex.IsMatch(html, @"(href|src)\s*=\s*""\s*(javascript|data|vbscript):", RegexOptions.IgnoreCase).Should().BeFalse();
            html.Should().NotContainEquivalentOf("href=\"javascript").And.NotContainEquivalentOf("src=\"javascript");
            // The text stays readable, escaped, and the safe parts of the page still render.
            html.Should().Contain("&lt;script&gt;alert('block')&lt;/script&gt;")
                .And.Contain("a javascript link and a mixed-case one")
                .And.Contain("<img src=\"/docs-images/fixture.png\" class=\"wide\" alt=\"an attribute image\" />")
                .And.Contain("<h2 id=\"safe-heading\">Heading</h2>");
        }
    }

    [Theory]
    [InlineData("[x](javascript:alert(1))")]
    [InlineData("[x](JAVASCRIPT:alert(1))")]
    [InlineData("[x](<java\tscript:alert(1)>)")]
    [InlineData("[x](&#106;avascript:alert(1))")]
    [InlineData("[x][r]\n\n[r]: javascript:alert(1)")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("![x](vbscript:msgbox)")]
    [InlineData("[x](data:text/html,<script>alert(1)</script>)")]
    public void Unsafe_link_forms_are_neutralised(string markdown)
    {
        var html = DocRenderer.Render(markdown, InternalLinks).Html;

        html.Should().NotContain("href=").And.NotContain("src=");
    }

    [Theory]
    [InlineData("[x](mailto:team@example.com)", "href=\"mailto:team@example.com\"")]
    [InlineData("[x](http://example.com/a:b)", "href=\"http://example.com/a:b\"")]
    [InlineData("[x](/api/openapi/v1.json)", "href=\"/api/openapi/v1.json\"")]
    [InlineData("[x](other-page.md#part)", "href=\"/documentation/other-page#part\"")]
    public void Safe_links_are_kept(string markdown, string expected)
    {
        DocRenderer.Render(markdown, InternalLinks).Html.Should().Contain(expected);
    }
}
