using System.Globalization;

namespace Zygo.Web.Editor.Config;

/// <summary>The values a number field accepts, and the step of its spin buttons.</summary>
/// <param name="Stated">The range is known for this field (declared or hinted), so the form states it up front; otherwise
/// it is only the general rule (no negatives) and shows only when a value breaks it.</param>
public sealed record NumberRange(double? Minimum, double? Maximum, double Step, bool WholeNumbers, bool Stated = true)
{
    /// <summary>Reads typed text: the number, or why it is refused.</summary>
    public NumberReading Read(string? text)
    {
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            return new NumberReading(null, null);
        }

        if (!double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            return new NumberReading(null, "Enter a number.");
        }

        if (WholeNumbers && value != Math.Floor(value))
        {
            return new NumberReading(null, "Enter a whole number.");
        }

        if (value < Minimum || value > Maximum)
        {
            return new NumberReading(null, Describe());
        }

        return new NumberReading(value, null);
    }

    /// <summary>The allowed range in words, e.g. "Between 0 and 2.".</summary>
    public string Describe() => (Minimum, Maximum) switch
    {
        ({ } min, { } max) => $"Between {Format(min)} and {Format(max)}.",
        ({ } min, null) => $"At least {Format(min)}.",
        (null, { } max) => $"At most {Format(max)}.",
        _ => "Enter a number.",
    };

    /// <summary>The range in short, for a label: "0 to 2", "≥ 1"; empty when it is not <see cref="Stated"/>.</summary>
    public string Brief() => !Stated ? "" : (Minimum, Maximum) switch
    {
        ({ } min, { } max) => $"{Format(min)} to {Format(max)}",
        ({ } min, null) => $"≥ {Format(min)}",
        (null, { } max) => $"≤ {Format(max)}",
        _ => "",
    };

    public static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A number read from text, or the message saying why it is not acceptable (then <see cref="Value"/> is null).</summary>
public sealed record NumberReading(double? Value, string? Error);
