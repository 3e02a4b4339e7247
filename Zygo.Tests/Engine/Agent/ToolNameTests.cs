using Zygo.Engine.Agent;

namespace Zygo.Tests.Engine.Agent;

public sealed class ToolNameTests
{
    [Theory]
    [InlineData("Look up order", "look_up_order")]
    [InlineData("Send E-mail (v2)!", "send_e_mail_v2_")]
    [InlineData("  Search   KB  ", "_search_kb_")]
    [InlineData("Größe prüfen", "gr_e_pr_fen")]
    [InlineData("http_api-3", "http_api_3")]
    public void A_name_is_the_label_lower_cased_with_each_run_of_other_characters_as_one_underscore(string label, string expected)
    {
        ToolNames.From(label).Should().Be(expected);
    }

    [Fact]
    public void Repeated_names_get_2_3_in_graph_order()
    {
        ToolNames.Unique(["Search", "search", "SEARCH!", "Other", "Search"])
            .Should().Equal("search", "search_2", "search_", "other", "search_3");
    }

    [Fact]
    public void A_suffix_never_collides_with_a_name_already_taken()
    {
        ToolNames.Unique(["Search 2", "Search", "Search"]).Should().Equal("search_2", "search", "search_3");
    }

    [Fact]
    public void Long_labels_are_cut_so_names_stay_within_what_providers_accept()
    {
        ToolNames.Unique([new string('a', 100), new string('a', 100)]).Should().AllSatisfy(n => n.Length.Should().BeLessThanOrEqualTo(64));
    }
}
