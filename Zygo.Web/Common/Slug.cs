using System.Text;

namespace Zygo.Web.Common;

/// <summary>URL-safe identifiers derived from names: lower-case a–z, 0–9 and single dashes.</summary>
public static class Slug
{
    public const int MaxLength = 80;

    public static string From(string text)
    {
        var sb = new StringBuilder(Math.Min(text.Length, MaxLength));
        var dash = false;
        foreach (var c in text.Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                if (dash && sb.Length > 0)
                {
                    if (sb.Length + 2 > MaxLength)
                    {
                        // No room for the dash and a character after it.
                        break;
                    }

                    sb.Append('-');
                }

                sb.Append(c);
                dash = false;
            }
            else if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                dash = true;
            }

            if (sb.Length >= MaxLength)
            {
                break;
            }
        }

        return sb.Length == 0 ? "workflow" : sb.ToString().TrimEnd('-');
    }

    public static bool IsValid(string slug) =>
        slug.Length is > 0 and <= MaxLength && slug == From(slug);
}
