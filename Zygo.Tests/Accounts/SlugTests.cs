using Zygo.Web.Common;

namespace Zygo.Tests.Accounts;

public sealed class SlugTests
{
    [Theory]
    [InlineData("Crème brûlée à la française", "creme-brulee-a-la-francaise")]
    [InlineData("Ünïcödé Çafé", "unicode-cafe")]
    [InlineData("Señor Niño", "senor-nino")]
    public void Diacritics_are_removed_from_letters(string name, string expected) =>
        Slug.From(name).Should().Be(expected);

    [Theory]
    [InlineData("Hello, World!", "hello-world")]
    [InlineData("  --Leading & trailing--  ", "leading-trailing")]
    [InlineData("a   b___c...d", "a-b-c-d")]
    [InlineData("Daily Report: 2024/Q1 (v2)", "daily-report-2024-q1-v2")]
    [InlineData("UPPER lower", "upper-lower")]
    public void Punctuation_and_spaces_become_single_dashes_and_never_lead_or_trail(string name, string expected) =>
        Slug.From(name).Should().Be(expected);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("!!! ??? ---")]
    [InlineData("日本語")]
    public void Text_without_any_usable_character_gives_workflow(string name) =>
        Slug.From(name).Should().Be("workflow");

    [Fact]
    public void A_long_name_is_cut_to_the_maximum_length()
    {
        Slug.From(new string('a', 200)).Should().Be(new string('a', Slug.MaxLength));
        Slug.From(string.Join(' ', Enumerable.Repeat("word", 50))).Length.Should().BeLessThanOrEqualTo(Slug.MaxLength);
    }

    [Theory]
    [InlineData(78)]
    [InlineData(79)]
    [InlineData(80)]
    public void The_cut_never_exceeds_the_maximum_nor_ends_in_a_dash(int lengthOfFirstWord)
    {
        var slug = Slug.From(new string('a', lengthOfFirstWord) + " bcd efg");

        slug.Length.Should().BeLessThanOrEqualTo(Slug.MaxLength);
        slug.Should().NotEndWith("-");
        slug.Should().StartWith(new string('a', Math.Min(lengthOfFirstWord, Slug.MaxLength)));
        Slug.IsValid(slug).Should().BeTrue();
    }

    [Theory]
    [InlineData("workflow")]
    [InlineData("a")]
    [InlineData("daily-report-2")]
    [InlineData("0-1-2")]
    public void IsValid_accepts_canonical_slugs(string slug) => Slug.IsValid(slug).Should().BeTrue();

    [Theory]
    [InlineData("")]
    [InlineData("Upper")]
    [InlineData("two--dashes")]
    [InlineData("-leading")]
    [InlineData("trailing-")]
    [InlineData("with space")]
    [InlineData("under_score")]
    [InlineData("café")]
    public void IsValid_refuses_anything_From_would_change(string slug) => Slug.IsValid(slug).Should().BeFalse();

    [Fact]
    public void IsValid_refuses_a_slug_longer_than_the_maximum()
    {
        Slug.IsValid(new string('a', Slug.MaxLength)).Should().BeTrue();
        Slug.IsValid(new string('a', Slug.MaxLength + 1)).Should().BeFalse();
    }

    [Theory]
    [InlineData("Crème brûlée")]
    [InlineData("  x  ")]
    [InlineData("")]
    [InlineData("Ünïcödé, punctuation; and — dashes")]
    public void What_From_produces_is_always_valid(string name) => Slug.IsValid(Slug.From(name)).Should().BeTrue();
}
