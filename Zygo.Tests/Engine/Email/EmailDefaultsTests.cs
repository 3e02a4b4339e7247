using System.Text.Json.Nodes;
using Zygo.Engine.Nodes.Data;
using Zygo.Engine.Nodes.Email;
using Zygo.Tests.Engine.Data;

namespace Zygo.Tests.Engine.Email;

/// <summary>
/// Defaults that name a variable (<c>{{SMTP_HOST}}</c>, <c>{{SMTP_USERNAME}}</c>, <c>{{DB_CONNECTION}}</c>) are
/// resolved like values the user wrote; when the variable does not exist the field is empty, never the literal text.
/// </summary>
public sealed class EmailDefaultsTests : IDisposable
{
    private readonly NodeHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    private static JsonObject MinimalEmail(SmtpTestServer server) => new()
    {
        ["smtpPort"] = server.Port,
        ["security"] = "none",
        ["from"] = "alerts@zygo.test",
        ["to"] = "ada@example.com",
        ["subject"] = "Hi",
        ["body"] = "Hello.",
    };

    [Fact]
    public async Task An_email_node_without_host_or_login_uses_the_SMTP_variables()
    {
        await using var server = new SmtpTestServer(new SmtpTestServerOptions { Credentials = ("mailer", "s3cret-pass") });
        var env = new Dictionary<string, string>
            { ["SMTP_HOST"] = "127.0.0.1", ["SMTP_USERNAME"] = "mailer", ["SMTP_PASSWORD"] = "s3cret-pass" };

        await _harness.RunAsync<EmailNodeType>(MinimalEmail(server), env: env);

        server.Received.Should().ContainSingle().Which.MailFrom.Should().Be("alerts@zygo.test");
    }

    [Fact]
    public async Task Without_login_variables_no_login_is_attempted()
    {
        await using var server = new SmtpTestServer();
        var env = new Dictionary<string, string> { ["SMTP_HOST"] = "127.0.0.1" };

        await _harness.RunAsync<EmailNodeType>(MinimalEmail(server), env: env);

        server.Received.Should().ContainSingle("an open relay takes the mail when no username is sent");
    }

    [Fact]
    public async Task A_data_node_without_a_connection_string_or_its_variable_says_the_string_is_empty()
    {
        var run = () => _harness.RunAsync<DataNodeType>(new JsonObject { ["sql"] = "SELECT 1" });

        (await run.Should().ThrowAsync<Zygo.Engine.Execution.NodeFailedException>()).Which.Message
            .Should().StartWith("The connection string is empty");
    }

    [Fact]
    public async Task A_data_node_without_a_connection_string_uses_DB_CONNECTION()
    {
        using var db = new SqliteTestDatabase();
        db.Execute("INSERT INTO users (name) VALUES ('Ada')");

        var outcome = await _harness.RunAsync<DataNodeType>(new JsonObject { ["sql"] = "SELECT name FROM users", ["operation"] = "scalar" },
            env: new Dictionary<string, string> { ["DB_CONNECTION"] = db.ConnectionString });

        outcome.Output!["value"]!.GetValue<string>().Should().Be("Ada");
    }
}
