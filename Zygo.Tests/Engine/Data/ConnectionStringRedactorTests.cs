using Zygo.Engine.Nodes.Data;

namespace Zygo.Tests.Engine.Data;

public sealed class ConnectionStringRedactorTests
{
    [Fact]
    public void The_whole_string_and_every_secret_value_are_masked()
    {
        const string connectionString = "Host=db.internal;Username=app;Password=hunter2;Api Key=k-123;Database=shop";
        var redactor = new ConnectionStringRedactor(connectionString);

        var text = redactor.Redact($"Cannot use '{connectionString}': login for app with hunter2 failed (key k-123) on db.internal");

        text.Should().Be("Cannot use '***': login for app with *** failed (key ***) on db.internal");
    }

    [Fact]
    public void A_string_that_does_not_parse_is_still_masked_whole()
    {
        var redactor = new ConnectionStringRedactor("Password=hunter2;Data Source");

        redactor.Redact("Bad: Password=hunter2;Data Source").Should().Be("Bad: ***");
    }
}
