using Zygo.Data.Entities;
using Zygo.Web.Documentation;

namespace Zygo.Tests.Documentation;

/// <summary>Search over the fixture pages.</summary>
public sealed class DocumentationSearchTests
{
    private static readonly DocReader Developer = DocReader.ForRole(TenantRole.Developer);

    private static IReadOnlyList<string> Slugs(string query, DocReader reader) =>
        FixturePages.Library.Search.Find(query, reader).Select(h => h.Page.Slug).ToList();

    [Fact]
    public void Finds_a_page_by_a_word_only_in_its_body()
    {
        Slugs("zephyrine", DocReader.Public).Should().Equal("fixture-pipelines");
    }

    [Fact]
    public void A_title_match_ranks_above_body_matches()
    {
        // "pipelines" is in the title of one page, three times in the body of another and once in a third's.
        Slugs("pipelines", DocReader.Public).Should().Equal("fixture-pipelines", "fixture-nodes", "fixture-welcome");
    }

    [Fact]
    public void Terms_are_anded_case_insensitive_and_match_word_starts()
    {
        Slugs("PIPE", DocReader.Public).Should().Equal("fixture-pipelines", "fixture-nodes", "fixture-welcome");
        Slugs("pipelines twenty", DocReader.Public).Should().Equal("fixture-nodes");
        Slugs("ipelines", DocReader.Public).Should().BeEmpty("a term matches the start of a word, not its middle");
    }

    [Theory]
    [InlineData("xqzvjkwpl")]
    [InlineData("pipelines xqzvjkwpl")]
    [InlineData("   ")]
    [InlineData("!!! ???")]
    public void Gibberish_finds_nothing(string query)
    {
        Slugs(query, Developer).Should().BeEmpty();
    }

    [Fact]
    public void Internal_pages_are_found_only_by_readers_who_may_see_them()
    {
        Slugs("quasarflux", DocReader.Public).Should().BeEmpty();
        Slugs("quasarflux", DocReader.ForRole(TenantRole.Viewer)).Should().BeEmpty();
        Slugs("quasarflux", DocReader.ForRole(TenantRole.Member)).Should().BeEmpty();
        Slugs("quasarflux", Developer).Should().Equal("fixture-ops");
        Slugs("nebulacraft", DocReader.Public).Should().BeEmpty();
        Slugs("nebulacraft", DocReader.ForRole(TenantRole.Viewer)).Should().Equal("fixture-members");
    }

    [Fact]
    public void Snippets_mark_the_matches_and_encode_the_rest()
    {
        var hit = FixturePages.Library.Search.Find("zephyrine", DocReader.Public).Single();
        hit.SnippetHtml.Should().Contain("mentions <mark>zephyrine</mark>.");

        var hostile = FixturePages.Library.Search.Find("alert block", DocReader.Public).Single();
        hostile.Page.Slug.Should().Be("fixture-hostile");
        hostile.SnippetHtml.Should().Contain("&lt;script&gt;<mark>alert</mark>(&#39;<mark>block</mark>&#39;)&lt;/script&gt;")
            .And.NotContain("<script");
    }
}
