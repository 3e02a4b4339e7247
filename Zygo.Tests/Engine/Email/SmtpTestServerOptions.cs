namespace Zygo.Tests.Engine.Email;

/// <summary>How the test SMTP server behaves.</summary>
public sealed record SmtpTestServerOptions
{
    /// <summary>When set, the server offers AUTH and requires these credentials before MAIL FROM.</summary>
    public (string User, string Password)? Credentials { get; init; }

    /// <summary>The SASL mechanisms offered with AUTH.</summary>
    public IReadOnlyList<string> AuthMechanisms { get; init; } = ["PLAIN", "LOGIN"];

    /// <summary>Addresses RCPT TO answers with 550.</summary>
    public IReadOnlySet<string> RejectedRecipients { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Accepts connections but never speaks (for timeouts).</summary>
    public bool Silent { get; init; }
}
