namespace Zygo.Engine.Nodes.Operations.Security;

/// <summary>The checks that tell a real card number, IBAN or phone number from a digit run that only looks like one.</summary>
internal static class Checksums
{
    public static bool PassesLuhn(string text)
    {
        var sum = 0;
        var doubleIt = false;
        for (var i = text.Length - 1; i >= 0; i--)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                continue;
            }

            var digit = text[i] - '0';
            if (doubleIt)
            {
                digit *= 2;
                if (digit > 9)
                {
                    digit -= 9;
                }
            }

            sum += digit;
            doubleIt = !doubleIt;
        }

        return sum % 10 == 0;
    }

    /// <summary>ISO 13616: move the first four characters to the end, letters become 10…35, the number mod 97 is 1.</summary>
    public static bool IsIban(string text)
    {
        var compact = text.Replace(" ", "", StringComparison.Ordinal);
        if (compact.Length is < 15 or > 34)
        {
            return false;
        }

        var rearranged = compact[4..] + compact[..4];
        var remainder = 0;
        foreach (var c in rearranged)
        {
            var value = char.IsAsciiDigit(c) ? c - '0' : c - 'A' + 10;
            remainder = (value > 9 ? remainder * 100 + value : remainder * 10 + value) % 97;
        }

        return remainder == 1;
    }

    /// <summary>E.164 allows at most 15 digits; fewer than 8 is a code or a count, not a phone number.</summary>
    public static bool IsPhoneLength(string text)
    {
        var digits = text.Count(char.IsAsciiDigit);
        return digits is >= 8 and <= 15;
    }
}
