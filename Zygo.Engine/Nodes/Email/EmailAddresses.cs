using System.Text;
using MimeKit;
using Zygo.Engine.Execution;

namespace Zygo.Engine.Nodes.Email;

/// <summary>Address lists as people type them (commas or semicolons, display names allowed), checked one by one.</summary>
public static class EmailAddresses
{
    private static readonly ParserOptions Strict = new()
    {
        AddressParserComplianceMode = RfcComplianceMode.Strict,
        AllowAddressesWithoutDomain = false,
        AllowUnquotedCommasInAddresses = false,
    };

    /// <summary>The mailboxes of <paramref name="list"/>; an invalid entry fails the node naming it and the field.</summary>
    public static IReadOnlyList<MailboxAddress> Parse(string field, string list) =>
        Split(list).Select(entry => ParseOne(field, entry)).ToList();

    private static MailboxAddress ParseOne(string field, string entry)
    {
        if (MailboxAddress.TryParse(Strict, entry, out var mailbox)
            && mailbox.Address.IndexOf('@') is var at and > 0
            && at < mailbox.Address.Length - 1
            && !mailbox.Address.Any(char.IsWhiteSpace))
        {
            return mailbox;
        }

        throw new NodeFailedException($"'{entry}' in {field} is not a valid email address.");
    }

    /// <summary>Splits on commas and semicolons outside quotes and angle brackets, so "Doe, Jane" &lt;jane@…&gt; stays whole.</summary>
    private static IEnumerable<string> Split(string list)
    {
        var current = new StringBuilder();
        var quoted = false;
        var bracketed = false;
        foreach (var c in list)
        {
            switch (c)
            {
                case '"':
                    quoted = !quoted;
                    break;
                case '<' when !quoted:
                    bracketed = true;
                    break;
                case '>' when !quoted:
                    bracketed = false;
                    break;
                case ',' or ';' when !quoted && !bracketed:
                    if (current.ToString().Trim() is { Length: > 0 } entry)
                    {
                        yield return entry;
                    }

                    current.Clear();
                    continue;
            }

            current.Append(c);
        }

        if (current.ToString().Trim() is { Length: > 0 } last)
        {
            yield return last;
        }
    }
}
