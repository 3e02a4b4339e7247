using Zygo.Engine.Rag.Pdf.Objects;
using Zygo.Engine.Rag.Pdf.Syntax;

namespace Zygo.Engine.Rag.Pdf.Text;

/// <summary>
/// Runs a page's content stream for its text: the text-positioning and text-showing operators, the transformation
/// matrix (<c>cm</c>, <c>q</c>, <c>Q</c>) and form XObjects (<c>Do</c>, nested up to <see cref="PdfLimits.MaxFormDepth"/>).
/// Drawing operators are read and ignored; inline images are skipped.
/// </summary>
internal sealed class PdfContentInterpreter(PdfObjectTable objects, PdfFontReader fonts, PdfPageTextBuilder output)
{
    /// <summary>Operands a valid operator ever takes are few; garbage between operators is dropped past this.</summary>
    private const int MaxOperands = 1024;

    private readonly Stack<PdfTextState> saved = new();
    private PdfTextState state = new();
    private PdfMatrix textMatrix = PdfMatrix.Identity;
    private PdfMatrix lineMatrix = PdfMatrix.Identity;

    public void Run(byte[] content, PdfDictionary? resources, int depth = 0)
    {
        var parser = new PdfParser(new PdfLexer(content));
        var operands = new List<object?>();
        while (parser.ReadObject() is var value && value != PdfParser.EndOfData)
        {
            if (value is not PdfOperator op)
            {
                if (operands.Count < MaxOperands)
                {
                    operands.Add(value);
                }

                continue;
            }

            if (op.Name == "BI")
            {
                SkipInlineImage(parser.Lexer);
            }
            else
            {
                Execute(op.Name, operands, resources, depth);
            }

            operands.Clear();
        }
    }

    private void Execute(string op, List<object?> operands, PdfDictionary? resources, int depth)
    {
        double N(int i) => i < operands.Count && operands[i] is double d && double.IsFinite(d) ? d : 0;
        switch (op)
        {
            case "q":
                if (saved.Count < 256)
                {
                    saved.Push(state with { });
                }

                break;
            case "Q":
                state = saved.Count > 0 ? saved.Pop() : state;
                break;
            case "cm" when operands.Count >= 6:
                state.Ctm = new PdfMatrix(N(0), N(1), N(2), N(3), N(4), N(5)).Then(state.Ctm);
                break;
            case "BT":
                textMatrix = lineMatrix = PdfMatrix.Identity;
                break;
            case "Tf" when operands.Count >= 2:
                state.Font = FontNamed(resources, operands[0] as PdfName);
                state.FontSize = N(1);
                break;
            case "Tc":
                state.CharSpacing = N(0);
                break;
            case "Tw":
                state.WordSpacing = N(0);
                break;
            case "Tz":
                state.Scaling = N(0) / 100;
                break;
            case "TL":
                state.Leading = N(0);
                break;
            case "Td":
                MoveLine(N(0), N(1));
                break;
            case "TD":
                state.Leading = -N(1);
                MoveLine(N(0), N(1));
                break;
            case "Tm" when operands.Count >= 6:
                textMatrix = lineMatrix = new PdfMatrix(N(0), N(1), N(2), N(3), N(4), N(5));
                break;
            case "T*":
                MoveLine(0, -state.Leading);
                break;
            case "Tj" when operands.Count >= 1:
                Show(operands[^1]);
                break;
            case "'" when operands.Count >= 1:
                MoveLine(0, -state.Leading);
                Show(operands[^1]);
                break;
            case "\"" when operands.Count >= 3:
                (state.WordSpacing, state.CharSpacing) = (N(0), N(1));
                MoveLine(0, -state.Leading);
                Show(operands[2]);
                break;
            case "TJ" when operands.Count >= 1 && operands[^1] is PdfArray array:
                foreach (var item in array)
                {
                    if (item is double adjustment && double.IsFinite(adjustment))
                    {
                        // Adjustments are thousandths of the font size, subtracted from the position.
                        Advance(-adjustment / 1000 * state.FontSize * state.Scaling);
                    }
                    else
                    {
                        Show(item);
                    }
                }

                break;
            case "Do" when operands.Count >= 1 && operands[0] is PdfName name:
                DrawForm(resources, name, depth);
                break;
        }
    }

    private void MoveLine(double x, double y)
    {
        lineMatrix = PdfMatrix.Translation(x, y).Then(lineMatrix);
        textMatrix = lineMatrix;
    }

    private void Advance(double x) => textMatrix = PdfMatrix.Translation(x, 0).Then(textMatrix);

    private void Show(object? value)
    {
        if (value is not PdfString text)
        {
            return;
        }

        var font = state.Font ?? PdfFont.Fallback;
        var start = textMatrix.Then(state.Ctm);
        var run = new System.Text.StringBuilder();
        foreach (var glyph in font.Decode(text.Bytes))
        {
            run.Append(glyph.Text);
            Advance((glyph.Width * state.FontSize + state.CharSpacing + (glyph.IsWordSpace ? state.WordSpacing : 0)) * state.Scaling);
        }

        var end = textMatrix.Then(state.Ctm);
        output.Add(run.ToString(), start.E, start.F, end.E, end.F, state.FontSize * start.VerticalScale);
    }

    private PdfFont? FontNamed(PdfDictionary? resources, PdfName? name) =>
        name is not null && objects.Dictionary(objects.Dictionary(resources?.Get("Font"))?.Get(name.Value)) is { } font
            ? fonts.Read(font) : null;

    private void DrawForm(PdfDictionary? resources, PdfName name, int depth)
    {
        if (depth >= PdfLimits.MaxFormDepth
            || objects.Resolve(objects.Dictionary(resources?.Get("XObject"))?.Get(name.Value)) is not PdfStream form
            || form.Dictionary.NameOf("Subtype") != "Form" || objects.Decode(form) is not { } content)
        {
            return;
        }

        var outer = (state, textMatrix, lineMatrix);
        state = state with { };
        if (objects.Resolve(form.Dictionary.Get("Matrix")) is PdfArray { Count: 6 } m)
        {
            var values = m.Select(v => objects.Number(v) ?? 0).ToArray();
            state.Ctm = new PdfMatrix(values[0], values[1], values[2], values[3], values[4], values[5]).Then(state.Ctm);
        }

        var savedDepth = saved.Count;
        Run(content, objects.Dictionary(form.Dictionary.Get("Resources")) ?? resources, depth + 1);
        while (saved.Count > savedDepth)
        {
            saved.Pop();
        }

        (state, textMatrix, lineMatrix) = outer;
    }

    /// <summary>Moves past <c>BI … ID</c> binary data <c>EI</c>: image bytes must not be read as operators.</summary>
    private static void SkipInlineImage(PdfLexer lexer)
    {
        var parser = new PdfParser(lexer);
        while (parser.ReadObject() is var value && value != PdfParser.EndOfData && (value as PdfOperator)?.Name != "ID")
        {
        }

        var data = lexer.Data;
        for (var i = lexer.Position + 1; i + 1 < lexer.End; i++)
        {
            if (data[i] == 'E' && data[i + 1] == 'I' && PdfLexer.IsWhitespace(data[i - 1])
                && (i + 2 >= lexer.End || PdfLexer.IsWhitespace(data[i + 2])))
            {
                lexer.Position = i + 2;
                return;
            }
        }

        lexer.Position = lexer.End;
    }
}
