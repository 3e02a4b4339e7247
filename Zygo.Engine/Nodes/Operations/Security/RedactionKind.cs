namespace Zygo.Engine.Nodes.Operations.Security;

/// <summary>What the <c>security</c> node can recognise and redact; the name appears as <c>[REDACTED:kind]</c>.</summary>
public enum RedactionKind
{
    /// <summary>Values of fields named like a secret: …password, …passwd, …secret, …token, …apiKey, …privateKey, …authorization, …cookie.</summary>
    Secret,

    /// <summary>Keys with a well-known prefix: <c>sk-</c>, <c>sk_live_</c>, <c>ghp_</c>, <c>github_pat_</c>, <c>glpat-</c>, <c>xoxb-</c>, <c>AKIA</c>, <c>AIza</c> ….</summary>
    ApiKey,

    /// <summary><c>Bearer …</c> credentials, as in an Authorization header.</summary>
    BearerToken,

    /// <summary>JSON Web Tokens (<c>eyJ….eyJ….…</c>).</summary>
    Jwt,

    Email,

    /// <summary>International numbers (<c>+44 20 7946 0958</c>) and the formatted <c>(555) 123-4567</c> / <c>555-123-4567</c>; bare digit runs are left alone.</summary>
    Phone,

    /// <summary>13 to 19 digits, optionally grouped by spaces or dashes, that pass the Luhn check.</summary>
    CreditCard,

    /// <summary>IBANs whose check digits are right (ISO 13616, mod 97).</summary>
    Iban,

    Ipv4,
}
