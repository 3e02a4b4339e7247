using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Zygo.Engine.Execution;

namespace Zygo.Engine.Nodes.Email;

/// <summary>
/// Turns MailKit and socket exceptions into messages a person can act on. Retryable: the server could not be
/// reached, timed out, failed TLS or answered 4xx. Not retryable: wrong login, refused addresses (5xx), a server
/// lacking what the config asks for.
/// </summary>
public sealed class SmtpFailures(EmailConfig config)
{
    private string Server => $"{config.SmtpHost}:{config.SmtpPort}";

    /// <summary>The failure for <paramref name="ex"/> raised while <paramref name="stage"/>, or null for an exception that is not the server's doing.</summary>
    public NodeFailedException? Translate(Exception ex, SmtpStage stage) =>
        Explain(ex, stage) is var (message, retryable) ? new NodeFailedException(message, retryable, ex) : null;

    private (string Message, bool Retryable)? Explain(Exception ex, SmtpStage stage) => ex switch
    {
        SocketException { SocketErrorCode: SocketError.ConnectionRefused } =>
            ($"Could not connect to the SMTP server {Server}: connection refused. Check smtpHost and smtpPort.", true),
        SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.TryAgain or SocketError.NoData } =>
            ($"Could not connect to the SMTP server {Server}: the host name was not found.", true),
        SocketException socket => ($"Could not connect to the SMTP server {Server}: {socket.Message}.", true),
        // MailKit reports its own Timeout as a cancellation of a token nobody outside cancelled.
        TimeoutException or OperationCanceledException =>
            ($"The SMTP server {Server} did not answer within {config.Timeout} seconds while {Describe(stage)}.", true),
        SslHandshakeException tls => ($"The TLS handshake with the SMTP server {Server} failed: {FirstLine(tls.Message)}", true),
        AuthenticationException => ($"The SMTP server {Server} rejected the username '{config.Username}' or its password.", false),
        SmtpCommandException command => Command(command),
        NotSupportedException unsupported when stage == SmtpStage.Connecting =>
            ($"{unsupported.Message} Set security to match the server (ssl_on_connect for port 465, none for a plain relay).", false),
        NotSupportedException unsupported =>
            ($"{unsupported.Message} Leave username empty if the server needs no login.", false),
        SmtpProtocolException or IOException or ServiceNotConnectedException =>
            ($"The connection to the SMTP server {Server} broke off while {Describe(stage)}: {ex.Message}", true),
        _ => null,
    };

    private static (string, bool) Command(SmtpCommandException ex)
    {
        var reply = $"{(int)ex.StatusCode} {ex.Message}";
        var message = ex.ErrorCode switch
        {
            SmtpErrorCode.RecipientNotAccepted => $"The SMTP server refused the recipient {ex.Mailbox?.Address}: {reply}",
            SmtpErrorCode.SenderNotAccepted => $"The SMTP server refused the sender {ex.Mailbox?.Address}: {reply}",
            SmtpErrorCode.MessageNotAccepted => $"The SMTP server refused the message: {reply}",
            _ => $"The SMTP server answered {reply}",
        };

        // 4xx replies are temporary by definition (greylisting, full mailbox, rate limits); 5xx are final.
        return (message, (int)ex.StatusCode is >= 400 and < 500);
    }

    private static string Describe(SmtpStage stage) => stage switch
    {
        SmtpStage.Connecting => "connecting",
        SmtpStage.Authenticating => "logging in",
        _ => "sending",
    };

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
