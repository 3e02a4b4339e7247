using System.Text.Json.Nodes;
using MimeKit;
using Zygo.Engine.Execution;
using Zygo.Engine.Nodes;
using Zygo.Engine.Nodes.Email;

namespace Zygo.Tests.Engine.Email;

/// <summary>The Email node talking to a real SMTP server on 127.0.0.1 started by each test.</summary>
public sealed class EmailNodeTypeTests : IDisposable
{
    private const string Password = "p4ss-w0rd-secret";

    private readonly NodeHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    private static JsonObject Config(SmtpTestServer server, string to = "ada@example.com") => new()
    {
        ["smtpHost"] = "127.0.0.1",
        ["smtpPort"] = server.Port,
        ["security"] = "none",
        ["username"] = "",
        ["password"] = "",
        ["from"] = "alerts@zygo.test",
        ["to"] = to,
        ["subject"] = "Build finished",
        ["body"] = "All green.",
    };

    private static JsonObject WithLogin(JsonObject config, string username = "mailer")
    {
        config["username"] = username;
        config["password"] = "{{SMTP_PASSWORD}}";
        return config;
    }

    private static readonly Dictionary<string, string> Env = new() { ["SMTP_PASSWORD"] = Password };

    private async Task<JsonObject> SendAsync(JsonObject config, JsonNode? input = null) =>
        (await _harness.RunAsync<EmailNodeType>(config, input, Env)).Output!.AsObject();

    private async Task<NodeFailedException> FailureAsync(JsonObject config, JsonNode? input = null)
    {
        var run = () => _harness.RunAsync<EmailNodeType>(config, input, Env);
        return (await run.Should().ThrowAsync<NodeFailedException>()).Which;
    }

    [Fact]
    public void The_type_is_the_spec_email_node_and_an_agent_passes_to_subject_and_body()
    {
        var type = _harness.NodeType<EmailNodeType>();

        type.Id.Should().Be("email");
        type.Label.Should().Be("Email");
        type.Category.Should().Be(NodeCategory.Integration);
        type.Icon.Should().Be("Mail");
        type.Description.Should().Be("Send email notifications");
        type.ArgumentSchema["properties"]!.AsObject().Select(p => p.Key).Should().Equal("to", "subject", "body");
    }

    [Fact]
    public async Task A_text_mail_reaches_every_recipient_with_headers_and_body_and_bcc_stays_hidden()
    {
        await using var server = new SmtpTestServer();
        var config = Config(server, "Ada Lovelace <ada@example.com>; grace@example.com");
        config["fromName"] = "Zygo Alerts";
        config["cc"] = "\"Doe, Jane\" <jane@example.com>";
        config["bcc"] = "audit@example.com";
        config["replyTo"] = "ops@zygo.test";

        var output = await SendAsync(config);

        var mail = server.Received.Should().ContainSingle().Subject;
        mail.MailFrom.Should().Be("alerts@zygo.test");
        mail.Recipients.Should().BeEquivalentTo("ada@example.com", "grace@example.com", "jane@example.com", "audit@example.com");
        var message = mail.Parse();
        var from = message.From.Mailboxes.Should().ContainSingle().Subject;
        (from.Name, from.Address).Should().Be(("Zygo Alerts", "alerts@zygo.test"));
        message.To.Mailboxes.Select(m => m.Address).Should().Equal("ada@example.com", "grace@example.com");
        message.To.Mailboxes.First().Name.Should().Be("Ada Lovelace");
        message.Cc.Mailboxes.Should().ContainSingle().Which.Name.Should().Be("Doe, Jane");
        message.Bcc.Count.Should().Be(0, "Bcc recipients get the mail without anyone seeing them");
        mail.Data.Should().NotContain("audit@example.com");
        message.ReplyTo.Mailboxes.Should().ContainSingle().Which.Address.Should().Be("ops@zygo.test");
        message.Subject.Should().Be("Build finished");
        message.TextBody!.Trim().Should().Be("All green.");
        message.HtmlBody.Should().BeNull();
        message.MessageId.Should().NotBeNullOrEmpty();

        output["sent"]!.GetValue<bool>().Should().BeTrue();
        output["messageId"]!.GetValue<string>().Should().Be(message.MessageId);
        output["to"]!.AsArray().Select(a => a!.GetValue<string>()).Should().Equal("ada@example.com", "grace@example.com");
        output["subject"]!.GetValue<string>().Should().Be("Build finished");
    }

    [Fact]
    public async Task An_html_mail_arrives_as_html_with_its_dots_intact()
    {
        await using var server = new SmtpTestServer();
        var config = Config(server);
        config["bodyType"] = "html";
        config["body"] = "<p>Report for {{input.team}}</p>\n.\n..hidden dots stay";

        await SendAsync(config, new JsonObject { ["team"] = "Platform" });

        var message = server.Received.Should().ContainSingle().Subject.Parse();
        message.HtmlBody.Should().Contain("<p>Report for Platform</p>").And.Contain("\n.\n..hidden dots stay");
        message.TextBody.Should().BeNull();
    }

    [Fact]
    public async Task It_logs_in_with_the_configured_credentials()
    {
        await using var server = new SmtpTestServer(new SmtpTestServerOptions { Credentials = ("mailer", Password) });

        await SendAsync(WithLogin(Config(server)));

        server.Received.Should().ContainSingle().Which.AuthenticatedUser.Should().Be("mailer");
    }

    [Fact]
    public async Task It_logs_in_with_auth_login_when_that_is_all_the_server_offers()
    {
        await using var server = new SmtpTestServer(new SmtpTestServerOptions { Credentials = ("mailer", Password), AuthMechanisms = ["LOGIN"] });

        await SendAsync(WithLogin(Config(server)));

        server.Received.Should().ContainSingle().Which.AuthenticatedUser.Should().Be("mailer");
    }

    [Fact]
    public async Task Wrong_credentials_fail_without_retrying_and_without_the_password()
    {
        await using var server = new SmtpTestServer(new SmtpTestServerOptions { Credentials = ("mailer", "another-password") });

        var failure = await FailureAsync(WithLogin(Config(server)));

        failure.Message.Should().Be($"The SMTP server 127.0.0.1:{server.Port} rejected the username 'mailer' or its password.");
        failure.Retryable.Should().BeFalse();
        server.Received.Should().BeEmpty();
    }

    [Fact]
    public async Task A_closed_port_is_a_retryable_connection_refused()
    {
        await using var server = new SmtpTestServer();
        var config = Config(server);
        config["smtpPort"] = ClosedPort.Next();

        var failure = await FailureAsync(config);

        failure.Message.Should().Contain("connection refused").And.Contain($"127.0.0.1:{config["smtpPort"]}");
        failure.Retryable.Should().BeTrue();
    }

    [Fact]
    public async Task An_unknown_host_is_a_retryable_failure_naming_it()
    {
        await using var server = new SmtpTestServer();
        var config = Config(server);
        config["smtpHost"] = "no-such-host.invalid";
        config["timeout"] = 5;

        var failure = await FailureAsync(config);

        failure.Message.Should().Be($"Could not connect to the SMTP server no-such-host.invalid:{server.Port}: the host name was not found.");
        failure.Retryable.Should().BeTrue();
    }

    [Fact]
    public async Task A_server_that_never_answers_is_a_retryable_timeout()
    {
        await using var server = new SmtpTestServer(new SmtpTestServerOptions { Silent = true });
        var config = Config(server);
        config["timeout"] = 1;

        var failure = await FailureAsync(config);

        failure.Message.Should().Be($"The SMTP server 127.0.0.1:{server.Port} did not answer within 1 seconds while connecting.");
        failure.Retryable.Should().BeTrue();
    }

    [Fact]
    public async Task A_refused_recipient_is_named_and_not_retried()
    {
        await using var server = new SmtpTestServer(new SmtpTestServerOptions
        {
            RejectedRecipients = new HashSet<string> { "nobody@example.com" },
        });

        var failure = await FailureAsync(Config(server, "ada@example.com, nobody@example.com"));

        failure.Message.Should().StartWith("The SMTP server refused the recipient nobody@example.com: 550");
        failure.Retryable.Should().BeFalse();
        server.Received.Should().BeEmpty();
    }

    [Theory]
    [InlineData("to", "ada@example.com, not-an-address", "'not-an-address' in to is not a valid email address.")]
    [InlineData("cc", "jane@", "'jane@' in cc is not a valid email address.")]
    [InlineData("bcc", "@example.com", "'@example.com' in bcc is not a valid email address.")]
    [InlineData("from", "alerts at zygo", "'alerts at zygo' in from is not a valid email address.")]
    [InlineData("replyTo", "ops@zygo.test; two words@x.test", "'two words@x.test' in replyTo is not a valid email address.")]
    public async Task An_invalid_address_is_named_with_its_field(string field, string value, string message)
    {
        await using var server = new SmtpTestServer();
        var config = Config(server);
        config[field] = value;

        var failure = await FailureAsync(config);

        failure.Message.Should().Be(message);
        failure.Retryable.Should().BeFalse();
        server.Received.Should().BeEmpty();
    }

    [Theory]
    [InlineData("smtpHost", "", "The SMTP host is empty")]
    [InlineData("from", " ", "The sender is empty")]
    [InlineData("to", " ; ", "The email has no recipient")]
    [InlineData("smtpPort", "70000", "The SMTP port 70000 is not a port number")]
    [InlineData("timeout", "0", "The timeout must be at least 1 second")]
    [InlineData("username", "", "A password is set but the username is empty")]
    public async Task A_missing_or_impossible_setting_is_named(string field, string value, string message)
    {
        await using var server = new SmtpTestServer();
        var config = WithLogin(Config(server));
        config[field] = value;

        (await FailureAsync(config)).Message.Should().StartWith(message);
    }

    [Fact]
    public async Task Start_tls_against_a_server_without_it_explains_what_to_change()
    {
        await using var server = new SmtpTestServer();
        var config = Config(server);
        config["security"] = "start_tls";

        var failure = await FailureAsync(config);

        failure.Message.Should().Contain("STARTTLS").And.Contain("Set security");
        failure.Retryable.Should().BeFalse();
    }

    [Fact]
    public async Task A_failed_tls_handshake_is_retryable()
    {
        await using var server = new SmtpTestServer();
        var config = Config(server);
        config["security"] = "ssl_on_connect";

        var failure = await FailureAsync(config);

        failure.Message.Should().StartWith($"The TLS handshake with the SMTP server 127.0.0.1:{server.Port} failed");
        failure.Retryable.Should().BeTrue();
    }

    [Fact]
    public async Task An_agent_overrides_recipients_subject_and_body()
    {
        await using var server = new SmtpTestServer();
        var arguments = new JsonObject
        {
            ["to"] = new JsonArray("grace@example.com", "linus@example.com"),
            ["subject"] = "Incident summary",
            ["body"] = "Resolved at 10:42.",
        };

        var output = await SendAsync(Config(server), arguments);

        var mail = server.Received.Should().ContainSingle().Subject;
        mail.Recipients.Should().Equal("grace@example.com", "linus@example.com");
        var message = mail.Parse();
        message.Subject.Should().Be("Incident summary");
        message.TextBody!.Trim().Should().Be("Resolved at 10:42.");
        output["to"]!.AsArray().Select(a => a!.GetValue<string>()).Should().Equal("grace@example.com", "linus@example.com");
        output["subject"]!.GetValue<string>().Should().Be("Incident summary");
    }

    [Fact]
    public async Task An_agent_giving_only_a_subject_keeps_the_configured_recipients_and_body()
    {
        await using var server = new SmtpTestServer();

        await SendAsync(Config(server), new JsonObject { ["subject"] = "Only this changes" });

        var message = server.Received.Should().ContainSingle().Subject.Parse();
        message.To.Mailboxes.Select(m => m.Address).Should().Equal("ada@example.com");
        message.Subject.Should().Be("Only this changes");
        message.TextBody!.Trim().Should().Be("All green.");
    }

    [Fact]
    public async Task The_password_appears_in_no_output_message_or_log()
    {
        await using var server = new SmtpTestServer(new SmtpTestServerOptions { Credentials = ("mailer", Password) });
        var accepted = await SendAsync(WithLogin(Config(server)));
        await using var strict = new SmtpTestServer(new SmtpTestServerOptions
        {
            Credentials = ("mailer", Password),
            RejectedRecipients = new HashSet<string> { "ada@example.com" },
        });
        var refused = await FailureAsync(WithLogin(Config(strict)));

        accepted.ToJsonString().Should().NotContain(Password);
        refused.Message.Should().NotContain(Password);
        _harness.Logs.Should().NotBeEmpty().And.OnlyContain(line => !line.Contains(Password));
    }

    [Fact]
    public async Task The_password_is_masked_even_when_it_appears_in_an_address()
    {
        // A password pasted into the wrong field must still not be echoed back.
        await using var server = new SmtpTestServer();
        var config = WithLogin(Config(server));
        config["to"] = Password;

        var failure = await FailureAsync(config);

        failure.Message.Should().NotContain(Password);
    }
}
