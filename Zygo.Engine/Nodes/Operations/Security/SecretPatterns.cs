using System.Text.RegularExpressions;

namespace Zygo.Engine.Nodes.Operations.Security;

/// <summary>
/// The text patterns of the redactable kinds, in the order they are applied: specific before generic, so a bearer
/// JWT is one bearer token and an IBAN's digits are not mistaken for a card number. Every pattern has a match
/// timeout, so no value can hold a run hostage.
/// </summary>
internal sealed class SecretPatterns
{
    public static readonly SecretPatterns Default = new(TimeSpan.FromSeconds(2));

    public SecretPatterns(TimeSpan matchTimeout)
    {
        Regex Create(string pattern) => new(pattern, RegexOptions.CultureInvariant | RegexOptions.Compiled, matchTimeout);

        Detectors =
        [
            new(RedactionKind.BearerToken, Create(@"\b[Bb]earer\s+[A-Za-z0-9\-._~+/]+=*")),
            new(RedactionKind.Jwt, Create(@"\beyJ[A-Za-z0-9_\-]{5,}\.eyJ[A-Za-z0-9_\-]{5,}\.[A-Za-z0-9_\-]*")),
            new(RedactionKind.ApiKey, Create(
                @"\b(?:sk-[A-Za-z0-9_\-]{16,}|(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,}|gh[pousr]_[A-Za-z0-9]{30,}" +
                @"|github_pat_[A-Za-z0-9_]{20,}|glpat-[A-Za-z0-9_\-]{20,}|xox[abposr]-[A-Za-z0-9\-]{10,}" +
                @"|(?:AKIA|ASIA)[0-9A-Z]{16}|AIza[0-9A-Za-z_\-]{35})")),
            new(RedactionKind.Email, Create(@"[A-Za-z0-9._%+\-]+@(?:[A-Za-z0-9\-]+\.)+[A-Za-z]{2,}")),
            new(RedactionKind.Iban, Create(@"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b"), Checksums.IsIban),
            new(RedactionKind.CreditCard, Create(@"\b(?:\d[ \-]?){12,18}\d\b"), Checksums.PassesLuhn),
            new(RedactionKind.Ipv4, Create(@"\b(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\b")),
            new(RedactionKind.Phone, Create(
                @"\+[1-9]\d{0,2}[ .\-]?\(?\d{1,4}\)?(?:[ .\-]?\d{2,5}){1,4}" +
                @"|\(\d{3}\)[ .\-]?\d{3}[ .\-]\d{4}\b|\b\d{3}[ .\-]\d{3}[ .\-]\d{4}\b"), Checksums.IsPhoneLength),
        ];
    }

    public IReadOnlyList<SecretDetector> Detectors { get; }
}
