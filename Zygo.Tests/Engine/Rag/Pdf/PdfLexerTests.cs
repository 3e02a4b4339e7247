using System.Text;
using Zygo.Engine.Rag.Pdf.Syntax;

namespace Zygo.Tests.Engine.Rag.Pdf;

/// <summary>The tokeniser and parser on the syntax corner cases: string escapes, names, references, damage.</summary>
public sealed class PdfLexerTests
{
    private static object? Parse(string text) => new PdfParser(new PdfLexer(Encoding.Latin1.GetBytes(text))).ReadObject();

    [Theory]
    [InlineData(@"(a\(b\)c \\ d)", @"a(b)c \ d")]
    [InlineData("(x (y) z)", "x (y) z")]
    [InlineData(@"(\101\102C\0533)", "ABC+3")]
    [InlineData(@"(tab\there\nnext)", "tab\there\nnext")]
    [InlineData("(joined \\\nline)", "joined line")]
    [InlineData("<48656C6C6F 21>", "Hello!")]
    [InlineData("<41 4>", "A@")]
    [InlineData("(unterminated", "unterminated")]
    public void Strings_decode_escapes_octal_nesting_and_hex(string source, string expected) =>
        Encoding.Latin1.GetString(Parse(source).Should().BeOfType<PdfString>().Subject.Bytes).Should().Be(expected);

    [Fact]
    public void Names_decode_hash_escapes_and_references_are_recognised()
    {
        Parse("/A#20B#2f").Should().Be(new PdfName("A B/"));
        var dictionary = Parse("<< /Kids [3 0 R 4 0 R] /Count 2 /Scale -.5 /Open true >>").Should().BeOfType<PdfDictionary>().Subject;
        dictionary.Get("Kids").Should().BeEquivalentTo(new object[] { new PdfRef(3, 0), new PdfRef(4, 0) });
        dictionary.Get("Count").Should().Be(2.0);
        dictionary.Get("Scale").Should().Be(-0.5);
        dictionary.Get("Open").Should().Be(true);
    }

    [Fact]
    public void Nesting_beyond_the_limit_is_a_format_error_not_a_stack_overflow()
    {
        var deep = new string('[', 100_000);

        FluentActions.Invoking(() => Parse(deep)).Should().Throw<PdfFormatException>().WithMessage("*nested*");
    }
}
