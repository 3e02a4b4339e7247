namespace Zygo.Engine.Nodes.Email;

/// <summary>Config of the Email node: one message sent through an SMTP server, normally set from the tenant's variables.</summary>
public sealed class EmailConfig
{
    /// <summary>The SMTP server's host name, e.g. <c>{{SMTP_HOST}}</c> or <c>smtp.example.com</c>.</summary>
    public string SmtpHost { get; init; } = "{{SMTP_HOST}}";

    /// <summary>587 for STARTTLS (submission), 465 for TLS from the start, 25 for plain relays.</summary>
    public int SmtpPort { get; init; } = 587;

    /// <summary>
    /// <c>start_tls</c> requires STARTTLS, <c>ssl_on_connect</c> speaks TLS from the start, <c>auto</c> chooses by port
    /// (and only upgrades when the server offers STARTTLS), <c>none</c> sends in clear text.
    /// </summary>
    public EmailSecurity Security { get; init; } = EmailSecurity.StartTls;

    /// <summary>Login name; when empty the node does not authenticate.</summary>
    public string Username { get; init; } = "{{SMTP_USERNAME}}";

    /// <summary>Password, normally a variable such as <c>{{SMTP_PASSWORD}}</c>. Never shown in outputs or messages.</summary>
    public string Password { get; init; } = "{{SMTP_PASSWORD}}";

    /// <summary>The sender's address.</summary>
    public string From { get; init; } = "";

    /// <summary>The sender's display name, e.g. "Zygo Alerts".</summary>
    public string FromName { get; init; } = "";

    /// <summary>Recipients, separated by commas or semicolons (<c>Ada &lt;ada@example.com&gt;</c> works too).</summary>
    public string To { get; init; } = "";

    /// <summary>Copy recipients, separated by commas or semicolons.</summary>
    public string Cc { get; init; } = "";

    /// <summary>Hidden recipients, separated by commas or semicolons: they receive the message but no one sees them.</summary>
    public string Bcc { get; init; } = "";

    /// <summary>Where replies go when not to the sender.</summary>
    public string ReplyTo { get; init; } = "";

    public string Subject { get; init; } = "";

    public string Body { get; init; } = "";

    /// <summary><c>text</c> for plain text, <c>html</c> for an HTML body.</summary>
    public EmailBodyType BodyType { get; init; } = EmailBodyType.Text;

    /// <summary>Seconds to wait for the server at each step before giving up.</summary>
    public int Timeout { get; init; } = 30;
}

public enum EmailSecurity
{
    None,
    StartTls,
    SslOnConnect,
    Auto,
}

public enum EmailBodyType
{
    Text,
    Html,
}
