using Zygo.Engine.Knowledge.Extraction;

namespace Zygo.Tests.Engine.Knowledge;

public sealed class RegexEntityExtractorTests
{
    private static List<(string Type, string Name)> Extract(string text) =>
        RegexEntityExtractor.Extract(text).Entities.Select(e => (e.Type, e.Name)).ToList();

    [Theory]
    [InlineData("Write to ada@example.com today", "email", "ada@example.com")]
    [InlineData("See https://docs.example.com/guide?token=abc#part for more", "url", "https://docs.example.com/guide")]
    [InlineData("Refund ORD-10442 now", "order", "ORD-10442")]
    [InlineData("about order #5521 again", "order", "#5521")]
    [InlineData("Ticket 90817 is open", "ticket", "#90817")]
    [InlineData("Invoice INV-2201 was paid", "invoice", "INV-2201")]
    [InlineData("It cost $1,250.50 in total", "money", "$1,250.50")]
    [InlineData("Budget: 300 EUR", "money", "300 EUR")]
    [InlineData("Due 2026-03-14 at noon", "date", "2026-03-14")]
    [InlineData("Signed on 14 March 2026 by both", "date", "14 March 2026")]
    [InlineData("Signed on March 14, 2026 by both", "date", "March 14, 2026")]
    [InlineData("A contract with Acme Widgets Ltd. was signed", "organization", "Acme Widgets Ltd")]
    [InlineData("She studied at Leeds University", "organization", "Leeds University")]
    [InlineData("Yesterday Ada Lovelace called", "person", "Ada Lovelace")]
    [InlineData("Dear Grace Brewster Hopper,", "person", "Grace Brewster Hopper")]
    public void Finds_each_kind_it_claims_to(string text, string type, string name)
    {
        Extract(text).Should().ContainSingle().Which.Should().Be((type, name));
    }

    [Theory]
    [InlineData("the customer called on monday about nothing in particular")]
    [InlineData("Ada called")] // a single first name is not taken for a person
    [InlineData("Customer Support replied on Monday")] // common words are not names
    [InlineData("Call 12345 or write to ada at example dot com")]
    [InlineData("The key is [REDACTED:api_key] and the Token [REDACTED:secret]")]
    public void Deliberately_does_not_match(string text)
    {
        Extract(text).Should().BeEmpty();
    }

    [Fact]
    public void A_span_counts_once_for_the_most_specific_kind_and_duplicates_merge()
    {
        var found = Extract("Ada Lovelace (ada.lovelace@example.com) met ada lovelace and Charles Babbage about ORD-12345.");

        found.Should().Equal(("email", "ada.lovelace@example.com"), ("order", "ORD-12345"), ("person", "Ada Lovelace"), ("person", "Charles Babbage"));
    }

    [Fact]
    public void At_most_fifty_entities_are_kept_from_one_text()
    {
        var text = string.Join(" ", Enumerable.Range(1000, 80).Select(i => $"ORD-{i}"));

        RegexEntityExtractor.Extract(text).Entities.Should().HaveCount(EntityExtraction.MaxEntities);
    }
}
