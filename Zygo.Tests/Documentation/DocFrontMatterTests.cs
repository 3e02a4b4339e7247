using Zygo.Web.Documentation;

namespace Zygo.Tests.Documentation;

public sealed class DocFrontMatterTests
{
    [Fact]
    public void Reads_every_key_and_ignores_comments()
    {
        var (header, body) = DocFrontMatter.Split("""
            ---
            title: "Installation & Setup"
            category: Getting Started
            order: 1                      # position within the category
            description: Set up C# and Zygo: in minutes.
            keywords: [install, "setup", sqlite]
            audience: developers
            ---
            Body
            """);

        header.Should().Be(header with
        {
            Title = "Installation & Setup", Category = "Getting Started", Order = 1,
            Description = "Set up C# and Zygo: in minutes.", Audience = DocAudience.Developers,
        });
        header.Keywords.Should().Equal("install", "setup", "sqlite");
        body.Trim().Should().Be("Body");
    }

    [Theory]
    [InlineData("no front matter", "must start with front matter")]
    [InlineData("---\ntitle: x\n", "no closing")]
    [InlineData("---\ntitle: x\ncategory: y\n---\n", "needs 'description'")]
    [InlineData("---\ntitle: x\ncategory: y\ndescription: z\norder: first\n---\n", "'order' must be a whole number")]
    [InlineData("---\ntitle: x\ncategory: y\ndescription: z\naudience: everyone\n---\n", "'audience' must be public, members or developers")]
    public void Broken_front_matter_is_explained(string text, string message)
    {
        var act = () => DocFrontMatter.Split(text);

        act.Should().Throw<FormatException>().WithMessage($"*{message}*");
    }

    [Fact]
    public void A_broken_page_is_left_out_with_its_reason_and_the_rest_load()
    {
        var folder = Directory.CreateTempSubdirectory("zygo-docs-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(folder, "reference"));
            File.WriteAllText(Path.Combine(folder, "reference", "good.md"), "---\ntitle: Good\ncategory: Reference & Learning\ndescription: d\n---\nText");
            File.WriteAllText(Path.Combine(folder, "reference", "bad.md"), "no header");

            var library = DocumentationLibrary.Load(folder);

            library.Pages.Select(p => p.Slug).Should().Equal("good");
            library.Problems.Should().ContainSingle().Which.Should().Contain("bad.md").And.Contain("front matter");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
