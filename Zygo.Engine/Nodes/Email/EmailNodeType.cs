using System.Text.Json;
using System.Text.Json.Nodes;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using MimeKit.Utils;
using Zygo.Engine.Execution;

namespace Zygo.Engine.Nodes.Email;

/// <summary>Sends one email through the SMTP server of the config; an agent may choose the recipients, subject and body.</summary>
public sealed class EmailNodeType : NodeType<EmailConfig>
{
    public override string Id => "email";
    public override string Label => "Email";
    public override NodeCategory Category => NodeCategory.Integration;
    public override string Icon => "Mail";
    public override string Color => "#DB2777";
    public override string Description => "Send email notifications";

    public override JsonObject ArgumentSchema => new()
    {
        ["type"] = "object",
        ["properties"] = new JsonObject
        {
            ["to"] = new JsonObject
            {
                ["type"] = "string",
                ["description"] = "Recipient addresses, separated by commas; replaces the configured recipients.",
            },
            ["subject"] = new JsonObject { ["type"] = "string", ["description"] = "Subject line; replaces the configured subject." },
            ["body"] = new JsonObject { ["type"] = "string", ["description"] = "Message text; replaces the configured body." },
        },
    };

    protected override async Task<NodeOutcome> ExecuteAsync(NodeContext context, EmailConfig config, CancellationToken cancellationToken)
    {
        try
        {
            return await SendAsync(context, config, cancellationToken);
        }
        catch (NodeFailedException ex) when (config.Password.Length > 0 && ex.Message.Contains(config.Password, StringComparison.Ordinal))
        {
            // Whatever echoed it (a server reply, a password pasted into an address field), the password stays hidden.
            throw new NodeFailedException(ex.Message.Replace(config.Password, "***", StringComparison.Ordinal), ex.Retryable, ex.InnerException);
        }
    }

    private static async Task<NodeOutcome> SendAsync(NodeContext context, EmailConfig config, CancellationToken cancellationToken)
    {
        // An agent's arguments arrive as the input; each one it gives replaces the configured field.
        var to = Argument(context.Input, "to") ?? config.To;
        var subject = Argument(context.Input, "subject") ?? config.Subject;
        var body = Argument(context.Input, "body") ?? config.Body;

        Validate(config);
        var message = Compose(config, to, subject, body);
        var failures = new SmtpFailures(config);
        using var client = new SmtpClient { Timeout = config.Timeout * 1000 };
        var stage = SmtpStage.Connecting;
        try
        {
            await client.ConnectAsync(config.SmtpHost, config.SmtpPort, Options(config.Security), cancellationToken);
            if (config.Username.Length > 0)
            {
                stage = SmtpStage.Authenticating;
                await client.AuthenticateAsync(config.Username, config.Password, cancellationToken);
            }

            stage = SmtpStage.Sending;
            await client.SendAsync(message, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && failures.Translate(ex, stage) is { } failure)
        {
            throw failure;
        }

        await DisconnectAsync(client, context, cancellationToken);
        var recipients = message.To.Mailboxes.Select(m => (JsonNode?)m.Address).ToArray();
        context.Log($"Email sent to {message.To.Count + message.Cc.Count + message.Bcc.Count} recipient(s) through {config.SmtpHost}:{config.SmtpPort}.");
        return NodeOutcome.Of(new JsonObject
        {
            ["sent"] = true,
            ["messageId"] = message.MessageId,
            ["to"] = new JsonArray(recipients),
            ["subject"] = subject,
        });
    }

    private static string? Argument(JsonNode? input, string name) => input is JsonObject arguments ? arguments[name] switch
    {
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        JsonArray list => string.Join(", ", list.Select(item => item?.ToString())),
        _ => null,
    } : null;

    private static void Validate(EmailConfig config)
    {
        if (!Enum.IsDefined(config.Security) || !Enum.IsDefined(config.BodyType))
        {
            throw new NodeFailedException("security must be none, start_tls, ssl_on_connect or auto, and bodyType text or html.");
        }

        if (string.IsNullOrWhiteSpace(config.SmtpHost))
        {
            throw new NodeFailedException("The SMTP host is empty: set smtpHost, usually to a variable such as {{SMTP_HOST}}; "
                                          + "if it already names one, check that the variable exists.");
        }

        if (config.SmtpPort is < 1 or > 65535)
        {
            throw new NodeFailedException($"The SMTP port {config.SmtpPort} is not a port number (1 to 65535; usually 587 or 465).");
        }

        if (config.Username.Length == 0 && config.Password.Length > 0)
        {
            throw new NodeFailedException("A password is set but the username is empty: set username too, or clear both to send without logging in.");
        }

        if (config.Timeout < 1)
        {
            throw new NodeFailedException("The timeout must be at least 1 second.");
        }
    }

    private static MimeMessage Compose(EmailConfig config, string to, string subject, string body)
    {
        if (string.IsNullOrWhiteSpace(config.From))
        {
            throw new NodeFailedException("The sender is empty: set from to the address the email comes from.");
        }

        var from = EmailAddresses.Parse("from", config.From) is [var single] ? single
            : throw new NodeFailedException("from must be a single address.");
        if (config.FromName.Length > 0)
        {
            from = new MailboxAddress(config.FromName, from.Address);
        }

        var message = new MimeMessage { Subject = subject };
        message.From.Add(from);
        message.To.AddRange(EmailAddresses.Parse("to", to));
        message.Cc.AddRange(EmailAddresses.Parse("cc", config.Cc));
        message.Bcc.AddRange(EmailAddresses.Parse("bcc", config.Bcc));
        message.ReplyTo.AddRange(EmailAddresses.Parse("replyTo", config.ReplyTo));
        if (message.To.Count + message.Cc.Count + message.Bcc.Count == 0)
        {
            throw new NodeFailedException("The email has no recipient: set to (or cc, bcc).");
        }

        message.MessageId = MimeUtils.GenerateMessageId(from.Domain);
        message.Body = new TextPart(config.BodyType == EmailBodyType.Html ? "html" : "plain") { Text = body };
        return message;
    }

    private static SecureSocketOptions Options(EmailSecurity security) => security switch
    {
        EmailSecurity.None => SecureSocketOptions.None,
        EmailSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        EmailSecurity.Auto => SecureSocketOptions.Auto,
        _ => SecureSocketOptions.StartTls,
    };

    /// <summary>The server has accepted the message by now: a failed goodbye is logged, not a failure of the node.</summary>
    private static async Task DisconnectAsync(SmtpClient client, NodeContext context, CancellationToken cancellationToken)
    {
        try
        {
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or SmtpProtocolException or TimeoutException
                                   && !cancellationToken.IsCancellationRequested)
        {
            context.Log($"The message was sent, but closing the SMTP connection failed: {ex.Message}");
        }
    }
}
