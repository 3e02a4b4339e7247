using System.Text.Json.Nodes;
using Zygo.Engine.Execution;

namespace Zygo.Tests.Engine.Memory;

public sealed class MemoryStoreTests : MemoryFixture
{
    [Fact]
    public async Task A_new_key_is_created_and_upsert_updates_it_merging_tags_and_metadata()
    {
        var first = await RememberAsync("customer:42", "Prefers email contact",
            new JsonObject { ["tags"] = "contact, Preferences", ["evidence"] = "ticket 1", ["actorId"] = "support-bot" });
        first["outcome"]!.GetValue<string>().Should().Be("created");
        first["version"]!.GetValue<int>().Should().Be(1);

        var second = await RememberAsync("customer:42", "Prefers phone contact", new JsonObject { ["tags"] = "phone", ["mergeStrategy"] = "upsert" });

        second["outcome"]!.GetValue<string>().Should().Be("updated");
        second["version"]!.GetValue<int>().Should().Be(2);
        second["id"]!.GetValue<Guid>().Should().Be(first["id"]!.GetValue<Guid>(), "upsert updates the key's memory in place");
        var row = (await RowsAsync("customer:42")).Should().ContainSingle().Subject;
        row.Content.Should().Be("Prefers phone contact");
        row.Tags.Split(' ').Should().BeEquivalentTo("contact", "preferences", "phone");
        var metadata = JsonNode.Parse(row.Metadata)!;
        metadata["actor"]!["kind"]!.GetValue<string>().Should().Be("agent");
        metadata["evidence"]!.GetValue<string>().Should().Be("ticket 1", "an upsert that names no evidence keeps the earlier one");
        metadata["executionId"]!.GetValue<Guid>().Should().Be(TenantA.ExecutionId);
    }

    [Fact]
    public async Task Append_adds_the_content_to_what_the_key_holds()
    {
        await RememberAsync("log:deploys", "Deployed 1.0 on Monday", new JsonObject { ["tags"] = "deploy" });

        var output = await RememberAsync("log:deploys", "Deployed 1.1 on Tuesday", new JsonObject { ["mergeStrategy"] = "append", ["tags"] = "release" });

        output["outcome"]!.GetValue<string>().Should().Be("appended");
        output["version"]!.GetValue<int>().Should().Be(2);
        var row = (await RowsAsync("log:deploys")).Should().ContainSingle().Subject;
        row.Content.Should().Be("Deployed 1.0 on Monday\n\nDeployed 1.1 on Tuesday");
        row.Tags.Split(' ').Should().BeEquivalentTo("deploy", "release");
    }

    [Fact]
    public async Task Replace_overwrites_the_memory_whole()
    {
        await RememberAsync("policy:refunds", "Refunds within 14 days", new JsonObject { ["tags"] = "old, policy", ["importance"] = "low" });

        var output = await RememberAsync("policy:refunds", "Refunds within 30 days",
            new JsonObject { ["mergeStrategy"] = "replace", ["tags"] = "policy", ["importance"] = "high" });

        output["outcome"]!.GetValue<string>().Should().Be("replaced");
        var row = (await RowsAsync("policy:refunds")).Should().ContainSingle().Subject;
        row.Content.Should().Be("Refunds within 30 days");
        row.Tags.Should().Be("policy", "replace keeps none of the old tags");
        row.Importance.Should().Be("high");
    }

    [Fact]
    public async Task Version_keeps_the_earlier_version_and_search_sees_only_the_current_one()
    {
        await RememberAsync("plan:q3", "Launch the zebra campaign");

        var output = await RememberAsync("plan:q3", "Launch the giraffe campaign",
            new JsonObject { ["mergeStrategy"] = "version", ["versionNote"] = "changed animal" });

        output["outcome"]!.GetValue<string>().Should().Be("versioned");
        output["version"]!.GetValue<int>().Should().Be(2);
        var rows = await RowsAsync("plan:q3");
        rows.Select(r => (r.Version, r.Content, r.Superseded)).Should().Equal(
            (1, "Launch the zebra campaign", true), (2, "Launch the giraffe campaign", false));
        JsonNode.Parse(rows[1].Metadata)!["versionNote"]!.GetValue<string>().Should().Be("changed animal");
        Keys(await SearchAsync(Keyword("zebra"))).Should().BeEmpty("the superseded version is not returned");
        Keys(await SearchAsync(Keyword("giraffe"))).Should().Equal("plan:q3");
    }

    [Fact]
    public async Task With_versioning_on_an_upsert_keeps_the_earlier_version_too()
    {
        await RememberAsync("fact:capital", "The capital is Bonn");

        await RememberAsync("fact:capital", "The capital is Berlin", new JsonObject { ["enableVersioning"] = true });

        (await RowsAsync("fact:capital")).Select(r => (r.Version, r.Superseded)).Should().Equal((1, true), (2, false));
    }

    [Fact]
    public async Task A_secret_in_the_content_is_redacted_when_auto_redaction_is_on_and_kept_when_off()
    {
        const string key = "sk-live0123456789abcdefghij";
        var output = await RememberAsync("ops:deploy", $"Deploy with the key {key} and Bearer abc.def.ghi",
            new JsonObject { ["autoRedactSecrets"] = true });

        var row = (await RowsAsync("ops:deploy")).Single();
        row.Content.Should().NotContain(key).And.Contain("[REDACTED:api_key]").And.Contain("[REDACTED:bearer_token]");
        output["redactions"]!.AsArray().Select(r => r!["kind"]!.GetValue<string>()).Should().BeEquivalentTo("api_key", "bearer_token");
        output.ToJsonString().Should().NotContain(key);
        Keys(await SearchAsync(Keyword("0123456789abcdefghij"))).Should().BeEmpty("the secret is not in the index either");

        await RememberAsync("ops:raw", $"Deploy with the key {key}", new JsonObject { ["autoRedactSecrets"] = false });
        (await RowsAsync("ops:raw")).Single().Content.Should().Contain(key);
    }

    [Fact]
    public async Task Secret_named_fields_of_json_content_are_redacted()
    {
        await RememberAsync("ops:db", """{"host":"db.internal","password":"hunter2"}""");

        var content = (await RowsAsync("ops:db")).Single().Content;

        content.Should().NotContain("hunter2").And.Contain("db.internal").And.Contain("[REDACTED:secret]");
    }

    [Fact]
    public async Task An_agent_passes_content_key_and_tags_as_arguments()
    {
        var output = await StoreAsync(new JsonObject(), input: new JsonObject { ["content"] = "Likes green tea", ["key"] = "pref:tea", ["tags"] = "drinks" });

        output["key"]!.GetValue<string>().Should().Be("pref:tea");
        (await RowsAsync("pref:tea")).Single().Tags.Should().Be("drinks");
    }

    [Fact]
    public async Task Expiry_is_set_from_expires_in_custom_days_or_ttl()
    {
        var before = DateTime.UtcNow;
        var day = await RememberAsync("e:1d", "x", new JsonObject { ["expiresIn"] = "1d" });
        var custom = await RememberAsync("e:custom", "x", new JsonObject { ["expiresIn"] = "custom", ["customExpirationDays"] = 3 });
        var ttl = await RememberAsync("e:ttl", "x", new JsonObject { ["expiresIn"] = "30d", ["ttl"] = 60 });
        var never = await RememberAsync("e:never", "x");

        day["expiresAt"]!.GetValue<DateTime>().Should().BeCloseTo(before.AddDays(1), TimeSpan.FromMinutes(1));
        custom["expiresAt"]!.GetValue<DateTime>().Should().BeCloseTo(before.AddDays(3), TimeSpan.FromMinutes(1));
        ttl["expiresAt"]!.GetValue<DateTime>().Should().BeCloseTo(before.AddSeconds(60), TimeSpan.FromSeconds(30), "ttl overrides expiresIn");
        never["expiresAt"].Should().BeNull();
    }

    [Theory]
    [InlineData("""{"content":""}""", "nothing to remember")]
    [InlineData("""{"content":"x","expiresIn":"custom"}""", "customExpirationDays")]
    [InlineData("""{"content":"x","confidence":1.5}""", "'confidence' must be between 0 and 1")]
    [InlineData("""{"content":"x","observedAt":"yesterday-ish"}""", "'observedAt' is not an ISO 8601 date")]
    [InlineData("""{"content":"x","contextMetadata":"{oops"}""", "'contextMetadata' is not valid JSON")]
    public async Task Bad_config_fails_with_a_clear_message(string config, string message)
    {
        var act = () => StoreAsync(JsonNode.Parse(config)!.AsObject());

        (await act.Should().ThrowAsync<NodeFailedException>()).Which.Message.Should().Contain(message);
    }

    [Fact]
    public async Task The_same_key_in_two_tenants_stays_two_memories()
    {
        await RememberAsync("shared:key", "Tenant A's fact");

        var output = await RememberAsync("shared:key", "Tenant B's fact", tenant: TenantB);

        output["outcome"]!.GetValue<string>().Should().Be("created");
        (await RowsAsync("shared:key")).Single().Content.Should().Be("Tenant A's fact");
        (await RowsAsync("shared:key", TenantB)).Single().Content.Should().Be("Tenant B's fact");
    }

    [Fact]
    public async Task Replaces_memory_key_supersedes_the_named_memory()
    {
        await RememberAsync("addr:old", "Lives in Leeds");

        await RememberAsync("addr:new", "Lives in York", new JsonObject { ["replacesMemoryKey"] = "addr:old" });

        (await RowsAsync("addr:old")).Single().Superseded.Should().BeTrue();
        Keys(await SearchAsync(Keyword("lives"))).Should().Equal("addr:new");
    }
}
