using System.Text;

namespace Zygo.Tests.Engine.Email;

/// <summary>One SMTP conversation of <see cref="SmtpTestServer"/>, command by command (RFC 5321, RFC 4954).</summary>
public sealed class SmtpTestSession(SmtpTestServerOptions options, StreamReader reader, StreamWriter writer, Action<ReceivedMail> deliver)
{
    private string? _user;
    private string? _mailFrom;
    private readonly List<string> _recipients = [];

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await ReplyAsync("220 localhost ESMTP test server");
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            var verb = line.Split(' ', 2)[0].ToUpperInvariant();
            var argument = line.Length > verb.Length ? line[(verb.Length + 1)..] : "";
            switch (verb)
            {
                case "EHLO":
                    await EhloAsync();
                    break;
                case "HELO":
                    await ReplyAsync("250 localhost");
                    break;
                case "AUTH":
                    await AuthAsync(argument, cancellationToken);
                    break;
                case "MAIL":
                    await MailAsync(argument);
                    break;
                case "RCPT":
                    await RcptAsync(argument);
                    break;
                case "DATA":
                    await DataAsync(cancellationToken);
                    break;
                case "RSET":
                    Reset();
                    await ReplyAsync("250 2.0.0 OK");
                    break;
                case "NOOP":
                    await ReplyAsync("250 2.0.0 OK");
                    break;
                case "QUIT":
                    await ReplyAsync("221 2.0.0 Bye");
                    return;
                default:
                    await ReplyAsync("502 5.5.2 Command not recognized");
                    break;
            }
        }
    }

    private async Task EhloAsync()
    {
        await ReplyAsync("250-localhost greets you");
        if (options.Credentials is not null)
        {
            await ReplyAsync("250-AUTH " + string.Join(' ', options.AuthMechanisms));
        }

        await ReplyAsync("250 SIZE 10485760");
    }

    private async Task AuthAsync(string argument, CancellationToken cancellationToken)
    {
        var parts = argument.Split(' ', 2);
        var mechanism = parts[0].ToUpperInvariant();
        var initial = parts.Length > 1 ? parts[1] : null;
        if (options.Credentials is not { } expected || !options.AuthMechanisms.Contains(mechanism))
        {
            await ReplyAsync("504 5.5.4 Unrecognized authentication type");
            return;
        }

        string? user;
        string? password;
        if (mechanism == "PLAIN")
        {
            // "\0user\0password", base64, in the command or after an empty challenge.
            var fields = Decode(initial ?? await ChallengeAsync("", cancellationToken)).Split('\0');
            (user, password) = fields.Length == 3 ? (fields[1], fields[2]) : (null, null);
        }
        else
        {
            user = Decode(initial ?? await ChallengeAsync("Username:", cancellationToken));
            password = Decode(await ChallengeAsync("Password:", cancellationToken));
        }

        if (user == expected.User && password == expected.Password)
        {
            _user = user;
            await ReplyAsync("235 2.7.0 Authentication successful");
        }
        else
        {
            await ReplyAsync("535 5.7.8 Authentication credentials invalid");
        }
    }

    private async Task<string> ChallengeAsync(string prompt, CancellationToken cancellationToken)
    {
        await ReplyAsync("334 " + Convert.ToBase64String(Encoding.UTF8.GetBytes(prompt)));
        return await reader.ReadLineAsync(cancellationToken) ?? "";
    }

    private static string Decode(string base64)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(base64.Trim()));
        }
        catch (FormatException)
        {
            return "";
        }
    }

    private async Task MailAsync(string argument)
    {
        if (options.Credentials is not null && _user is null)
        {
            await ReplyAsync("530 5.7.0 Authentication required");
            return;
        }

        Reset();
        _mailFrom = Address(argument);
        await ReplyAsync("250 2.1.0 OK");
    }

    private async Task RcptAsync(string argument)
    {
        if (_mailFrom is null)
        {
            await ReplyAsync("503 5.5.1 MAIL first");
            return;
        }

        var address = Address(argument);
        if (options.RejectedRecipients.Contains(address))
        {
            await ReplyAsync($"550 5.1.1 <{address}>: Recipient address rejected: User unknown");
            return;
        }

        _recipients.Add(address);
        await ReplyAsync("250 2.1.5 OK");
    }

    private async Task DataAsync(CancellationToken cancellationToken)
    {
        if (_mailFrom is null || _recipients.Count == 0)
        {
            await ReplyAsync("503 5.5.1 RCPT first");
            return;
        }

        await ReplyAsync("354 End data with <CR><LF>.<CR><LF>");
        var data = new StringBuilder();
        while (await reader.ReadLineAsync(cancellationToken) is { } line && line != ".")
        {
            // Dot-unstuffing: a leading dot was doubled by the client.
            data.Append(line.StartsWith('.') ? line[1..] : line).Append("\r\n");
        }

        deliver(new ReceivedMail(_mailFrom, [.. _recipients], data.ToString(), _user));
        Reset();
        await ReplyAsync("250 2.0.0 OK: queued");
    }

    private void Reset()
    {
        _mailFrom = null;
        _recipients.Clear();
    }

    /// <summary>The address inside "FROM:&lt;a@b&gt; SIZE=…" or "TO:&lt;a@b&gt;".</summary>
    private static string Address(string argument)
    {
        var start = argument.IndexOf('<');
        var end = argument.IndexOf('>', start + 1);
        return start >= 0 && end > start ? argument[(start + 1)..end] : argument[(argument.IndexOf(':') + 1)..].Trim();
    }

    private Task ReplyAsync(string line) => writer.WriteLineAsync(line);
}
